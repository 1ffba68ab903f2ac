-- staging.customers: the first staging table. Staging is rename + cast + pseudonymise, one row per
-- entity; personal data never reaches it in clear (keyed pseudonyms, rounded coordinates).

CREATE TABLE staging.customers (
    customer_id             text        PRIMARY KEY,
    signed_up_at            timestamptz NOT NULL,
    name_pseudonym          text        NOT NULL,
    email_pseudonym         text        NOT NULL,
    phone_pseudonym         text        NOT NULL,
    home_address_pseudonym  text        NOT NULL,
    home_lat_approx         double precision,
    home_lon_approx         double precision,
    device_id               text        NOT NULL,
    platform                text,
    referral_code           text
);
COMMENT ON TABLE staging.customers IS
    'One row per customer account (the first customer_signed_up event of each customer_id). Names, emails, '
    'phones and addresses are HMAC-SHA-256 pseudonyms keyed by FORKCAST_PII_KEY; home coordinates are '
    'rounded to two decimals (about a kilometre).';
COMMENT ON COLUMN staging.customers.platform IS 'ios, android or web; NULL when the app did not report it.';

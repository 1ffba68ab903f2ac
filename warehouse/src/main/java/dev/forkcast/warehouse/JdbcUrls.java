package dev.forkcast.warehouse;

import java.util.regex.Pattern;

/**
 * Small, pure operations on PostgreSQL JDBC URLs ({@code jdbc:postgresql://host:port/database?parameters}).
 */
final class JdbcUrls {

    static final String PREFIX = "jdbc:postgresql:";

    private static final String HOST_FORM = PREFIX + "//";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//([^/@:]*):[^/@]*@");

    private JdbcUrls() {
    }

    static boolean isPostgres(String url) {
        return url.startsWith(PREFIX);
    }

    /** The same server, host(s), port(s) and parameters, but another database. */
    static String withDatabase(String url, String database) {
        if (!isPostgres(url)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + redactPassword(url));
        }
        int query = url.indexOf('?');
        String address = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        if (!address.startsWith(HOST_FORM)) {
            // Short form without a host: jdbc:postgresql:database
            return PREFIX + database + parameters;
        }
        int slash = address.indexOf('/', HOST_FORM.length());
        String hosts = slash < 0 ? address : address.substring(0, slash);
        return hosts + "/" + database + parameters;
    }

    /** The URL with any password in it replaced by {@code ***}, safe to print or log. */
    static String redactPassword(String url) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(withoutParameter).replaceAll("//$1:***@");
    }
}

package dev.forkcast.ml.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.tribuo.Model;
import org.tribuo.Output;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

/**
 * The model registry, kept in the warehouse's {@code ml} schema beside the data the models learn from:
 * versions numbered per model, each with its bytes and provenance; aliases ({@code champion},
 * {@code challenger}) that move between versions; and the history of every move.
 */
public final class ModelRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "model_name, version, training_run_id, created_at, algorithm, format_version,"
            + " feature_names, feature_fingerprint, trainer, hyperparameters, data_window, code_version, metrics,"
            + " decision_threshold, provenance";

    private final DataSource dataSource;

    public ModelRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What to register besides the model itself. */
    public record Registration(String trainingRunId, String algorithm, Map<String, Object> hyperparameters,
                               Map<String, Object> dataWindow, Map<String, Double> metrics, Double decisionThreshold,
                               String codeVersion) {
    }

    /**
     * Stores {@code model} as the next version of {@code kind}, with the feature definitions it was trained
     * with (today's catalogue) and Tribuo's provenance.
     */
    public ModelVersion register(ModelKind kind, Model<?> model, Registration r) throws SQLException {
        byte[] bytes = ModelCodec.encode(model);
        String trainer = model.getProvenance().getTrainerProvenance().getClassName();
        String provenance = ProvenanceUtil.formattedProvenanceString(model.getProvenance());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Two trainings registering at once must not both take the same next number.
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "ml.model_versions/" + kind.registryName());
                    lock.execute();
                }
                int version;
                try (PreparedStatement next = connection.prepareStatement(
                        "SELECT coalesce(max(version), 0) + 1 FROM ml.model_versions WHERE model_name = ?")) {
                    next.setString(1, kind.registryName());
                    try (ResultSet rows = next.executeQuery()) {
                        rows.next();
                        version = rows.getInt(1);
                    }
                }
                Instant now = Instant.now();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ml.model_versions (" + COLUMNS
                        + ", model_bytes) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?, ?)")) {
                    insert.setString(1, kind.registryName());
                    insert.setInt(2, version);
                    insert.setString(3, r.trainingRunId());
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.setString(5, r.algorithm());
                    insert.setInt(6, ModelCodec.FORMAT_VERSION);
                    insert.setString(7, json(kind.table().featureNames()));
                    insert.setString(8, FeatureFingerprint.of(kind.table()));
                    insert.setString(9, trainer);
                    insert.setString(10, json(r.hyperparameters()));
                    insert.setString(11, json(r.dataWindow()));
                    insert.setString(12, r.codeVersion());
                    insert.setString(13, json(r.metrics()));
                    if (r.decisionThreshold() == null) {
                        insert.setNull(14, java.sql.Types.DOUBLE);
                    } else {
                        insert.setDouble(14, r.decisionThreshold());
                    }
                    insert.setString(15, provenance);
                    insert.setBytes(16, bytes);
                    insert.executeUpdate();
                }
                connection.commit();
                return version(kind, version).orElseThrow();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Every version of {@code kind}, oldest first. */
    public List<ModelVersion> versions(ModelKind kind) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM ml.model_versions WHERE model_name = ? ORDER BY version",
                kind.registryName(), null);
    }

    public Optional<ModelVersion> version(ModelKind kind, int version) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM ml.model_versions WHERE model_name = ? AND version = ?",
                kind.registryName(), version).stream().findFirst();
    }

    /** The version {@code alias} points at, if any. */
    public Optional<ModelVersion> aliased(ModelKind kind, Alias alias) throws SQLException {
        Optional<Integer> version = aliasedVersion(kind, alias);
        return version.isEmpty() ? Optional.empty() : version(kind, version.get());
    }

    /**
     * Loads a version to predict with, after checking it fits today's code: the file format, and the
     * feature definitions it was trained with against the catalogue's current ones.
     *
     * @throws IncompatibleModelException when it does not fit, with what to do about it
     */
    public <T extends Output<T>> LoadedModel<T> load(ModelKind kind, int version, Class<T> output) throws SQLException {
        ModelVersion meta = version(kind, version).orElseThrow(
                () -> new IllegalArgumentException(kind.registryName() + " has no version " + version));
        String now = FeatureFingerprint.of(kind.table());
        if (!meta.featureFingerprint().equals(now)) {
            throw new IncompatibleModelException(meta.label() + " was trained with other feature definitions than today's"
                    + " catalogue (fingerprint " + meta.featureFingerprint() + ", now " + now + "; it knew "
                    + meta.featureNames() + "): feeding it today's features would mean something else than what it"
                    + " learned. Retrain with ./forkcast train.");
        }
        byte[] bytes;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT model_bytes FROM ml.model_versions WHERE model_name = ? AND version = ?")) {
            select.setString(1, kind.registryName());
            select.setInt(2, version);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                bytes = rows.getBytes(1);
            }
        }
        Model<?> model = ModelCodec.decode(bytes, meta.formatVersion());
        if (!model.validate(output)) {
            throw new IncompatibleModelException(meta.label() + " does not predict " + output.getSimpleName());
        }
        return new LoadedModel<>(meta, model.castModel(output));
    }

    /** Loads the version {@code alias} points at, if any (see {@link #load}). */
    public <T extends Output<T>> Optional<LoadedModel<T>> loadAliased(ModelKind kind, Alias alias, Class<T> output)
            throws SQLException {
        Optional<Integer> version = aliasedVersion(kind, alias);
        return version.isEmpty() ? Optional.empty() : Optional.of(load(kind, version.get(), output));
    }

    /** Points {@code alias} at {@code version} and writes the move, with its reason, to the history. */
    public void assign(ModelKind kind, Alias alias, int version, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO ml.model_aliases (model_name, alias, version, assigned_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (model_name, alias) DO UPDATE SET version = EXCLUDED.version,
                        assigned_at = EXCLUDED.assigned_at""");
                 PreparedStatement history = connection.prepareStatement("""
                    INSERT INTO ml.alias_history (model_name, alias, version, assigned_at, reason)
                    VALUES (?, ?, ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                upsert.setString(1, kind.registryName());
                upsert.setString(2, alias.sqlName());
                upsert.setInt(3, version);
                upsert.setTimestamp(4, now);
                upsert.executeUpdate();
                history.setString(1, kind.registryName());
                history.setString(2, alias.sqlName());
                history.setInt(3, version);
                history.setTimestamp(4, now);
                history.setString(5, reason);
                history.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Every alias move of {@code kind}, oldest first. */
    public List<AliasChange> history(ModelKind kind) throws SQLException {
        List<AliasChange> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT alias, version, assigned_at, reason FROM ml.alias_history WHERE model_name = ?
                     ORDER BY change_id""")) {
            select.setString(1, kind.registryName());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new AliasChange(kind, Alias.fromSqlName(rows.getString(1)), rows.getInt(2),
                            rows.getTimestamp(3).toInstant(), rows.getString(4)));
                }
            }
        }
        return out;
    }

    /** The version number {@code alias} points at, if any: one primary-key read, nothing else of the version. */
    public Optional<Integer> aliasedVersion(ModelKind kind, Alias alias) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT version FROM ml.model_aliases WHERE model_name = ? AND alias = ?")) {
            select.setString(1, kind.registryName());
            select.setString(2, alias.sqlName());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getInt(1)) : Optional.empty();
            }
        }
    }

    private List<ModelVersion> query(String sql, String modelName, Integer version) throws SQLException {
        List<ModelVersion> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, modelName);
            if (version != null) {
                select.setInt(2, version);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Double threshold = rows.getObject(14) == null ? null : rows.getDouble(14);
                    out.add(new ModelVersion(ModelKind.fromRegistryName(rows.getString(1)), rows.getInt(2),
                            rows.getString(3), rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getInt(6),
                            parse(rows.getString(7), new TypeReference<List<String>>() { }), rows.getString(8),
                            rows.getString(9), parse(rows.getString(10), new TypeReference<Map<String, Object>>() { }),
                            parse(rows.getString(11), new TypeReference<Map<String, Object>>() { }), rows.getString(12),
                            parse(rows.getString(13), new TypeReference<Map<String, Double>>() { }),
                            threshold, rows.getString(15)));
                }
            }
        }
        return out;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + value, e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the registry holds unreadable JSON: " + json, e);
        }
    }
}

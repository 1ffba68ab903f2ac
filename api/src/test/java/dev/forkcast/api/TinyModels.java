package dev.forkcast.api;

import java.time.OffsetDateTime;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Two real Tribuo models, trained in milliseconds on a few made-up rows: what the registry stores is a real
 * model with real provenance, which is all the API's tests need (they read the registry, they never predict).
 */
public final class TinyModels {

    private TinyModels() {
    }

    /** Delivery minutes = 15 + 3 per km, learned by linear SGD. */
    public static Model<Regressor> delivery() {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> rows = new MutableDataset<>(
                new SimpleDataSourceProvenance("tiny deliveries", OffsetDateTime.parse("2025-03-01T00:00:00Z"), factory),
                factory);
        for (int km = 0; km < 20; km++) {
            rows.add(new ArrayExample<>(new Regressor("minutes", 15 + 3.0 * km), new String[]{"distance_km"},
                    new double[]{km}));
        }
        // Five epochs, fixed seed: the same model on every run.
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5), 5, 42).train(rows);
    }

    /** Fraud when the account is younger than a day, learned by logistic regression. */
    public static Model<Label> fraud() {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> rows = new MutableDataset<>(
                new SimpleDataSourceProvenance("tiny orders", OffsetDateTime.parse("2025-03-01T00:00:00Z"), factory),
                factory);
        for (int hours = 0; hours < 48; hours += 2) {
            rows.add(new ArrayExample<>(new Label(hours < 24 ? "fraud" : "honest"), new String[]{"account_age_hours"},
                    new double[]{hours}));
        }
        return new LogisticRegressionTrainer().train(rows);
    }
}

package dev.forkcast.ml.registry;

import org.tribuo.Model;
import org.tribuo.Output;

/** A registered version together with its model, ready to predict. */
public record LoadedModel<T extends Output<T>>(ModelVersion version, Model<T> model) {
}

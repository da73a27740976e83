package org.distill4j.api;

import org.distill4j.api.network.Network;

import java.util.Map;
import java.util.Objects;

/**
 * An aligned student and how well each block was fitted.
 *
 * @param network   the aligned network, with the same architecture as the compressed student
 * @param residuals for each aligned vertex, the mean squared residual after alignment
 * @param details   method-specific facts for the run's records (samples, condition numbers): a record of the
 *                  plugin's, written to {@code metrics.json} with its components in kebab-case; no times, which
 *                  differ between identical runs
 */
public record Alignment(Network network, Map<String, Double> residuals, Record details) {

    public Alignment {
        Objects.requireNonNull(network, "network");
        residuals = Map.copyOf(residuals);
        Objects.requireNonNull(details, "details");
    }
}

package org.thesislab.odgi;

import java.util.List;
import org.thesislab.odgi.OdgiExperiment.Row;
import org.thesislab.odgi.OdgiExperiment.Tuned;

/**
 * What the chapter's experiment measured on the test set, for {@link OdgiTables}, {@link OdgiFigures} and
 * {@link OdgiClaims}.
 *
 * @param baselines         the single-shot detectors, one per resolution
 * @param tuned             the test-time setting (γ, τ) each ODGI model got on validation
 * @param odgiAtChosenGamma each ODGI model at its tuned setting; the first is the headline model
 * @param gammaCurves       ODGI over γ (accuracy against compute), and the headline model with NMS on crops
 * @param ablation          Table 3.3: the headline model without groups, with fixed or no offsets, per γ
 */
public record OdgiResults(OdgiExperiment.Config config, long seed, List<Row> baselines, List<Tuned> tuned,
                          List<Row> odgiAtChosenGamma, List<Row> gammaCurves, List<Row> ablation) {

    public Row headline() {
        return odgiAtChosenGamma.get(0);
    }

    /** An ablation variant ("full", "no groups", "fixed offsets", "no offsets") of the headline model at γ. */
    public Row ablation(String variant, int gamma) {
        return ablation.stream().filter(r -> r.variant().equals(variant) && r.gamma() == gamma).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No ablation row '" + variant + "' at γ=" + gamma));
    }

    public Row baseline(int res) {
        return baselines.stream().filter(r -> r.r1() == res).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No baseline at " + res + " px was trained"));
    }
}

package org.thesislab.tour;

import java.util.List;
import org.thesislab.core.Claim;

/**
 * The tour's one claim, checked at the end of {@code 00-environment}: a sanity check, not a thesis claim. A small
 * convnet must beat the simplest published Fashion-MNIST baseline, multinomial logistic regression.
 */
public final class TourClaims {
    private TourClaims() {
    }

    /** Logistic regression's test accuracy in Xiao et al. (2017)'s Fashion-MNIST benchmark table. */
    public static final double LOGISTIC_REGRESSION_ACCURACY = 0.842;

    public static final List<Claim> ALL = List.of(
            Claim.that("tour_convnet_beats_logistic_regression",
                    "Sanity check, not a thesis claim: a small convnet beats the logistic-regression baseline of the "
                            + "Fashion-MNIST benchmark (Xiao et al. 2017) in test accuracy",
                    "logistic regression 0.842 test accuracy (Xiao et al. 2017, benchmark table); small convnets "
                            + "reach the high 80s to low 90s")
                    .quantity("test_accuracy").above(LOGISTIC_REGRESSION_ACCURACY));
}

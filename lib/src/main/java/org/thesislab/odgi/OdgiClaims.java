package org.thesislab.odgi;

import java.util.List;
import org.thesislab.core.Claim;

/**
 * The main claims of thesis 000, §3.1 (ODGI, Tables 3.2-3.3), checked at the end of {@code 02-odgi}: ODGI at its
 * validation-chosen γ against the single-shot detector at the high resolution (128 px, the thesis' 1024 px) and at
 * ODGI's first-stage resolution, and against its "no groups" and "no offsets" ablations.
 * <p>
 * Margins: "beats the single-shot detector at its own first-stage resolution" uses
 * {@link OdgiExperiment#BEATS_MARGIN}, as the reproduction test does; every other margin is 0. The thesis' headline
 * "at similar accuracy, ODGI needs fewer boxes and shorter runtimes" is checked in two halves: the accuracy half
 * as "at least {@link OdgiExperiment#CLOSE_SHARE} of the high-resolution detector's AP@0.5" (the threshold of the
 * reproduction test), the compute half as fewer pixels and less time. The compute claims ask for less, not for
 * "clearly less", so {@link OdgiExperiment#CHEAPER_SHARE} is not used.
 */
public final class OdgiClaims {
    private OdgiClaims() {
    }

    public static final List<Claim> ALL = List.of(
            Claim.that("odgi_beats_same_resolution",
                    "§3.1.4 (Main results), Table 3.2: for any given input resolution, ODGI's refinement cascade "
                            + "generally improves detection, in particular at lower resolutions (ODGI vs the single-shot "
                            + "detector at ODGI's first-stage resolution, AP@0.5)",
                    "VEDAI AP@0.5: ODGI-tt 512-256 0.646 vs tiny-yolo 512 0.383; ODGI-tt 256-128 0.470 vs tiny-yolo "
                            + "256 0.102")
                    // margin: OdgiExperiment.BEATS_MARGIN ("clearly beats"), the threshold of OdgiHeadlineTest
                    .quantity("odgi_ap50").above("baseline_lo_ap50", OdgiExperiment.BEATS_MARGIN),
            Claim.that("odgi_close_to_high_resolution",
                    "§3.1.4 (Main results), Table 3.2: ODGI reaches accuracies similar to the single-shot detector at "
                            + "the highest resolution (AP@0.5, at least this share of it)",
                    "VEDAI AP@0.5: ODGI-tt 512-256 0.646 vs tiny-yolo 1024 0.684; SDD: 0.429 vs yolo 1024 0.470")
                    // share: OdgiExperiment.CLOSE_SHARE, the threshold of OdgiHeadlineTest
                    .quantity("odgi_ap50").atLeastShareOf("baseline_hi_ap50", OdgiExperiment.CLOSE_SHARE),
            Claim.that("odgi_fewer_pixels",
                    "§3.1.4 (Main results), Table 3.2: when comparing models with similar accuracies, ODGI generally "
                            + "requires fewer evaluated boxes and shorter runtimes, and often lower input image "
                            + "resolution (pixels processed per image, ODGI vs the high-resolution single-shot detector; "
                            + "the similar-accuracy half is not part of this comparison)",
                    "VEDAI: ODGI-tt 512-256 458k pixels (AP@0.5 0.646) vs tiny-yolo 1024 1M (0.684); SDD: ODGI-tt "
                            + "512-256 655k (0.429) vs yolo 1024 1M (0.470)")
                    .quantity("odgi_megapixels_per_image").below("baseline_hi_megapixels_per_image", 0),
            Claim.that("odgi_faster",
                    "§3.1.4 (Main results), Table 3.2: the same claim in runtime: ODGI needs shorter runtimes than the "
                            + "high-resolution single-shot detector (one CPU thread, ms per image; the similar-accuracy "
                            + "half is not part of this comparison)",
                    "VEDAI CPU: ODGI-tt 512-256 0.83 s vs tiny-yolo 1024 1.93 s; SDD: ODGI-tt 512-256 1.17 s vs yolo "
                            + "1024 6.63 s")
                    .quantity("odgi_ms_per_image").below("baseline_hi_ms_per_image", 0),
            Claim.that("odgi_groups_help",
                    "§3.1.5, Table 3.3: ODGI consistently improves over ODGI_singles (no group loss, group flags "
                            + "ignored) in detection accuracy for an equivalent number of crops (AP@0.5)",
                    "SDD AP@0.5 at γ1 = 1/3/5/10: ODGI-tt 512-256 0.245/0.361/0.415/0.457 vs no groups "
                            + "0.225/0.321/0.380/0.438; 256-128 0.128/0.243/0.293/0.331 vs 0.122/0.229/0.282/0.326")
                    .quantity("odgi_ap50").above("no_groups_ap50", 0)
                    .unlessNoted("Ignoring the group flag changes the transition only for boxes confident enough to "
                            + "exit early (c > τ_high), and the confidence target is the IoU, rarely that high for boxes "
                            + "of a few pixels; so the two models differ mostly by the group loss's gradient in the "
                            + "backbone and score about the same, on either side by seed (the notebook's early-exit "
                            + "count tells). The thesis' SDD objects are larger in pixels."),
            Claim.that("odgi_offsets_help",
                    "§3.1.5, Table 3.3: ignoring the rescaling step during patch extraction (no offsets) affects the "
                            + "MAP even more negatively: crops do not fully enclose the objects (AP@0.5)",
                    "SDD AP@0.5 at γ1 = 1/3/5/10: ODGI-tt 512-256 0.245/0.361/0.415/0.457 vs no offsets "
                            + "0.127/0.127/0.125/0.122; 256-128 0.128/0.243/0.293/0.331 vs 0.030/0.040/0.040/0.040")
                    .quantity("odgi_ap50").above("no_offsets_ap50", 0));
}

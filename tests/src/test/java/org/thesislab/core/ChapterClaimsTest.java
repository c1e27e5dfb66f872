package org.thesislab.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thesislab.avr.AvrClaims;
import org.thesislab.colorization.ColorizationClaims;
import org.thesislab.cpfs.CpfsClaims;
import org.thesislab.flextuning.FlexClaims;
import org.thesislab.ganeval.GanEvalClaims;
import org.thesislab.odgi.OdgiClaims;
import org.thesislab.tour.TourClaims;

/**
 * Every chapter's claims are well formed: ids unique across all chapters, a statement and the thesis' numbers, and
 * summary keys that the chapter's notebook records at every scale (the lists below are copied from the notebooks'
 * {@code run.summary} calls and the helpers they call; a claim on another key would only ever read "not run").
 */
class ChapterClaimsTest {

    private static final List<String> AVR_KEYS = List.of("cnn_train_acc", "cnn_heldout_acc", "cnn_c_heldout_acc",
            "cnn_co_heldout_acc", "rn_heldout_acc", "rn_c_heldout_acc", "rn_co_heldout_acc", "oracle_heldout_acc",
            "cnn_co_oblivious_mi", "cnn_c_oblivious_mi", "cnn_co_domain_acc");

    private static final List<String> FLEX_TARGETS = List.of("noisy", "blurry", "inverted", "rotated", "affine", "textured");

    /** Notebook -> its claims and the summary keys they may use. */
    private static Map<String, Map.Entry<List<Claim>, Set<String>>> chapters() {
        Map<String, Map.Entry<List<Claim>, Set<String>>> m = new LinkedHashMap<>();
        m.put("00-environment", Map.entry(TourClaims.ALL, Set.of("test_accuracy", "best_epoch")));

        Set<String> avr = new HashSet<>(AVR_KEYS);
        AVR_KEYS.forEach(k -> avr.add("raven_" + k));
        m.put("01-avr-rationale-learning", Map.entry(AvrClaims.ALL, avr));

        m.put("02-odgi", Map.entry(OdgiClaims.ALL, Set.of("odgi_ap50", "odgi_ap75", "odgi_megapixels_per_image",
                "odgi_ms_per_image", "baseline_hi_ap50", "baseline_hi_megapixels_per_image", "baseline_hi_ms_per_image",
                "baseline_lo_ap50", "no_groups_ap50", "no_offsets_ap50")));

        m.put("03-colorization", Map.entry(ColorizationClaims.ALL, Set.of("pixelcnn_nll_bpd", "perpixel_nll_bpd",
                "pixelcnn_nogate_nll_bpd", "pixelcnn_ambiguous_nll_bpd", "perpixel_ambiguous_nll_bpd",
                "pixelcnn_saturation", "l2_saturation", "perpixel_map_saturation", "ground_truth_saturation",
                "pixelcnn_ambiguous_saturation", "l2_ambiguous_saturation", "pixelcnn_sample_diversity",
                "pixelcnn_object_coherence", "perpixel_object_coherence")));

        Set<String> cpfs = new HashSet<>();
        for (String arm : List.of("random", "cpfs_ce", "cpfs_kta", "flowcls", "shuffled")) {
            cpfs.add(arm + "_probe_miou");
            cpfs.add(arm + "_figure_ground_acc");
        }
        for (String arm : List.of("random", "cpfs_ce")) {
            cpfs.add(arm + "_finetune_acc");
            cpfs.add(arm + "_finetune_miou");
        }
        m.put("04-cpfs", Map.entry(CpfsClaims.ALL, cpfs));

        // fastflex_time_ratio and fasterflex_time_ratio are wall-clock ratios, not numbers for claims
        Set<String> flex = new HashSet<>(List.of("source_acc"));
        for (String t : FLEX_TARGETS) {
            Stream.of("_flex_acc", "_all_acc", "_last_acc", "_flex_minus_fastflex", "_best_unit").forEach(s -> flex.add(t + s));
        }
        m.put("05-flex-tuning", Map.entry(FlexClaims.ALL, flex));

        m.put("06-gan-evaluation", Map.entry(GanEvalClaims.ALL, Set.of("real_val_acc", "baseline_train_acc",
                "subsampling_gan_train_drop", "subsampling_gan_test_drop", "saltpepper_gan_train_drop",
                "saltpepper_gan_test_drop", "noisy_subset_gan_train_drop", "noisy_subset_gan_test_gap", "noisy_all_fid",
                "noisy_subset_fid", "diversity_estimate_log2_error")));
        return m;
    }

    @Test
    void idsAreUniqueAcrossChapters() {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        chapters().values().forEach(e -> e.getKey().forEach(c -> {
            if (!seen.add(c.id())) {
                duplicates.add(c.id());
            }
        }));
        assertTrue(duplicates.isEmpty(), "claim ids used twice: " + duplicates);
    }

    @Test
    void everyChapterStatesItsMainClaimsWithTheThesisNumbers() {
        chapters().forEach((notebook, e) -> {
            List<Claim> claims = e.getKey();
            int min = notebook.startsWith("00") ? 1 : 3;
            // the main claims, not every sentence of the chapter
            assertTrue(claims.size() >= min && claims.size() <= 8, notebook + ": " + claims.size() + " claims, expected " + min + "-8");
            for (Claim c : claims) {
                assertFalse(c.statement() == null || c.statement().isBlank(), notebook + ": " + c.id() + " has no statement");
                assertFalse(c.thesis() == null || c.thesis().isBlank(), notebook + ": " + c.id() + " has no thesis numbers");
                assertTrue(c.subject() != null, notebook + ": " + c.id() + " compares no quantity");
            }
        });
    }

    @Test
    void everyClaimUsesKeysItsNotebookRecords() {
        List<String> wrong = new ArrayList<>();
        chapters().forEach((notebook, e) -> {
            Set<String> keys = e.getValue();
            for (Claim c : e.getKey()) {
                if (!keys.contains(c.subject())) {
                    wrong.add(notebook + ": " + c.id() + " subject " + c.subject());
                }
                if (c.reference() != null && !keys.contains(c.reference())) {
                    wrong.add(notebook + ": " + c.id() + " reference " + c.reference());
                }
                if (c.reference() == null) {
                    assertTrue(Double.isFinite(c.fixedReference()), notebook + ": " + c.id() + " has no reference");
                }
            }
        });
        assertTrue(wrong.isEmpty(), "claims on keys their notebook does not record: " + wrong);
    }

    @Test
    void aClaimWithAllItsNumbersMissingIsNotRun() {
        chapters().values().forEach(e -> e.getKey().forEach(c ->
                assertTrue(c.judge(Map.of()).outcome() == Claim.Outcome.NOT_RUN, c.id())));
    }
}

package org.thesislab.avr;

import java.util.List;
import org.thesislab.core.Claim;

/**
 * The main claims of thesis 000, Chapter 2 (rationale learning, §2.6, Tables 2.2-2.3), checked at the end of
 * {@code 01-avr-rationale-learning} on held-out setting 1 of 3DS and of Raven without distractors (summary keys
 * with the {@code raven_} prefix). The thesis gives no seed-to-seed spread, so the comparisons between models have
 * margin 0 and the headline test asks them to hold in most seeds. The chance level 1/25 of 3DS (25 rationales,
 * §2.3) is the reference of the two "no better than chance" claims, read two ways, as the thesis does: "fails" is
 * strictly below chance (CNN: .000 in all three settings), "not better than chance" allows chance plus binomial
 * noise ({@link #NOT_ABOVE_CHANCE}; the thesis counts its own CNN-c's .042 in setting 2 as no better than chance).
 * <p>
 * A claim known not to reproduce at this scale is kept as the thesis states it and carries a caveat that the
 * verdict table shows beside "does not hold".
 */
public final class AvrClaims {
    private AvrClaims() {
    }

    /** Chance accuracy on 3DS: one of the 25 rationales (5 rules × 5 properties, §2.3). */
    public static final double CHANCE_3DS = 1.0 / 25;

    /**
     * "No better than chance" on held-out rationales: below chance plus two binomial standard errors of an accuracy
     * at chance over the 2000 held-out test sequences of 'quick', 2·sqrt(0.04·0.96/2000) = 0.0088: an accuracy
     * below it is not distinguishable from guessing at that test size (at 'paper', 50,000 sequences, the band is
     * narrower than this, so the check is lenient there).
     */
    public static final double NOT_ABOVE_CHANCE = CHANCE_3DS + 2 * Math.sqrt(CHANCE_3DS * (1 - CHANCE_3DS) / 2000);

    public static final List<Claim> ALL = List.of(
            Claim.that("avr_cnn_excludes_heldout",
                    "§2.6.1, Table 2.2: without adequate constraints, current systems learn to always exclude the "
                            + "held-out rationales (3DS, unconstrained CNN: held-out accuracy below chance, 1/25)",
                    "3DS CNN: Y_train .997/.996/.994, Y_heldout .000/.000/.000 (held-out settings 1/2/3); chance .04")
                    .quantity("cnn_heldout_acc").below(CHANCE_3DS),
            Claim.that("avr_two_criteria_not_enough",
                    "§2.6.1, Table 2.2: it is not enough to enforce only two of the three criteria: CNN-c and RN-c are "
                            + "systematic and consistent but not oblivious, and do not achieve better than chance on "
                            + "held-out rationales (3DS, CNN-c)",
                    "3DS CNN-c: Y_train .997/.998/.998, Y_heldout .000/.042/.000 (settings 1/2/3); "
                            + "RN-c .020/.131/.002; chance .04")
                    .quantity("cnn_c_heldout_acc").below(NOT_ABOVE_CHANCE),
            Claim.that("avr_cnn_co_generalises",
                    "§2.6.1, Table 2.2: CNN-co and RN-co, which enforce obliviousness by domain-adversarial training, "
                            + "are a partial success: on 3DS they achieve high accuracies even for held-out rationales "
                            + "(CNN-co vs CNN-c, held-out accuracy)",
                    "3DS Y_heldout: CNN-co .988/.913/.978 vs CNN-c .000/.042/.000 (settings 1/2/3)")
                    .quantity("cnn_co_heldout_acc").above("cnn_c_heldout_acc", 0),
            Claim.that("avr_rn_co_generalises",
                    "§2.6.1, Table 2.2: the same for the relation network: RN-co achieves high accuracies on held-out "
                            + "3DS rationales (RN-co vs RN-c, held-out accuracy)",
                    "3DS Y_heldout: RN-co .797/.946/.923 vs RN-c .020/.131/.002 (settings 1/2/3)")
                    .quantity("rn_co_heldout_acc").above("rn_c_heldout_acc", 0)
                    .unlessNoted("The min-max game of RN-co is fragile at this size (8k sequences, small relation "
                            + "network): the reversed gradient either lifts RN-c above chance or stops it fitting even "
                            + "the training rationales; compare its Y_train in the table of section 4 and try "
                            + "exercise 4."),
            Claim.that("avr_co_more_oblivious",
                    "§2.6.2, Table 2.3: CNN-co and RN-co are closer to obliviousness (2.4) than their CNN-c and RN-c "
                            + "counterparts on 3DS (CNN-co vs CNN-c, I[Z_{r,P}; P] in nats, lower is more oblivious)",
                    "3DS I[Z_{r,P}; P]: CNN-co 1.53 vs CNN-c 1.61 (ln 5 = 1.609 is the maximum); RN-co 1.25 vs RN-c "
                            + "1.57; CNN*-c 0.15")
                    .quantity("cnn_co_oblivious_mi").below("cnn_c_oblivious_mi", 0),
            Claim.that("avr_oracle_generalises",
                    "§2.6.1, Table 2.2: CNN*-c, oblivious by supervision of the abstract values, excels in all "
                            + "situations (3DS, CNN*-c vs CNN-c, held-out accuracy)",
                    "3DS Y_heldout: CNN*-c .910/.918/.899 vs CNN-c .000/.042/.000 (settings 1/2/3)")
                    .quantity("oracle_heldout_acc").above("cnn_c_heldout_acc", 0),
            Claim.that("avr_oracle_generalises_raven",
                    "§2.6.1, Table 2.2: CNN*-c, oblivious by supervision of the abstract values, excels in all "
                            + "situations: the bottleneck for abstract reasoning lies not in the network architecture "
                            + "but in adequate constraints on the intermediate representations (Raven without "
                            + "distractors, CNN*-c vs CNN-c, held-out accuracy)",
                    "Raven, no distractors, Y_heldout: CNN*-c .974/.950/.982 vs CNN-c .003/.000/.000 (settings 1/2/3); "
                            + "3DS: .910/.918/.899 vs .000/.042/.000")
                    .quantity("raven_oracle_heldout_acc").above("raven_cnn_c_heldout_acc", 0)
                    .unlessNoted("At 'quick' the oracle's encoder may not learn the Raven set values from 32 px images "
                            + "(the informativeness of its codes in section 6 shows whether it did), and then has nothing "
                            + "oblivious to pass on; raven_true_values_heldout_acc, φ trained on the true values, says "
                            + "whether the criteria would suffice with a perfect encoder."));
}

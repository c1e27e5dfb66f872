package org.thesislab.ganeval;

import java.util.List;
import org.thesislab.core.Claim;

/**
 * The main claims of thesis 002, Chapter 5 (§5.1, §5.3.3-5.3.4), checked at the end of {@code 06-gan-evaluation} on
 * emulated generators, as the thesis itself checks them on modified CIFAR-10. Accuracies are shares. Margins are 0:
 * a claim holds as soon as the difference has the thesis' sign (the spread over seeds is in the headline test's
 * report and in {@code reproduce --seeds}).
 */
public final class GanEvalClaims {
    private GanEvalClaims() {
    }

    public static final List<Claim> ALL = List.of(
            Claim.that("gan_test_insensitive_to_subsampling",
                    "§5.3.3: GAN-test is insensitive to subsampling unlike GAN-train (where it is equivalent to training a "
                            + "classifier on a smaller split): the smallest subsampled set loses more GAN-train than GAN-test",
                    "CIFAR-10, σ=5 noise on a 5k subset vs all 50k: GAN-train 91% → 80%, GAN-test 95% → 95%")
                    .quantity("subsampling_gan_train_drop").above("subsampling_gan_test_drop", 0),
            Claim.that("salt_and_pepper_hurts_gan_test",
                    "§5.3.3: salt and pepper noise, from 1% to 20% of replaced pixels per image, barely affects GAN-train "
                            + "but degrades GAN-test significantly (at the strongest noise: GAN-test's drop exceeds GAN-train's)",
                    "CIFAR-10: GAN-test from 82% to 15%; GAN-train barely affected")
                    .quantity("saltpepper_gan_test_drop").above("saltpepper_gan_train_drop", 0),
            Claim.that("noisy_subset_lacks_diversity",
                    "§5.3.3: GAN-test, which measures the quality of images, is identical for the noisy training set and "
                            + "its noisy random subset; GAN-train drops, showing that the subset lacks diversity (GAN-train's "
                            + "drop exceeds the GAN-test gap)",
                    "CIFAR-10, σ=5: GAN-test 95% in both cases; GAN-train 91% → 80%")
                    .quantity("noisy_subset_gan_train_drop").above("noisy_subset_gan_test_gap", 0),
            Claim.that("fid_higher_for_noisy_subset",
                    "§5.3.3: FID between the training set and its noisy copy is lower than with its noisy random subset, a "
                            + "difference that \"may be due to lack of diversity or quality or both\": FID alone cannot say which",
                    "CIFAR-10, σ=5: FID 27.1 (all 50k) vs 29.6 (5k subset)")
                    .quantity("noisy_subset_fid").above("noisy_all_fid", 0),
            Claim.that("gan_train_saturation_estimates_diversity",
                    "§5.1 and §5.3.4: GAN-train saturates with a certain number of generated images, and the size of a real "
                            + "training set with the same accuracy estimates the number of distinct images the generator "
                            + "makes (here the memorizer's known count, within a factor 2: |log2(estimate / count)| < 1)",
                    "CIFAR-10: SNGAN saturates around 15-20k images, DCGAN around 5k (Fig. 5.3; no estimate is printed)")
                    .quantity("diversity_estimate_log2_error").below(1.0));
}

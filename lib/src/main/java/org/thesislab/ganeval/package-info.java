/**
 * Chapter 5 of thesis 002 (Shmelkov 2019), "Evaluation of conditional GANs": GAN-train and GAN-test, two
 * classification-based measures of a class-conditional generator, against FID and the Inception score. Notebook
 * {@code 06-gan-evaluation}. As the thesis does in §5.3.3, the generators are emulated by subsampling or corrupting
 * the real training set, so that each one lacks exactly diversity or quality; no GAN is trained.
 *
 * <h2>Data</h2>
 * <ul>
 *   <li>{@link RealData}: the real training set S_t and validation set S_v: the real Fashion-MNIST (embedded default,
 *       standing in for the thesis' MNIST) or CIFAR-10 (the thesis' Table 5.1, fetched by the user).</li>
 *   <li>{@link EmulatedGenerator}: subsampled (low diversity), salt and pepper (low quality), Gaussian noise on all
 *       images or a subset (the thesis' FID example), and a memorizer that makes a known number of distinct images.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link BaselineClassifier}: the thesis' four-layer MNIST classifier (§5.3.2) with its momentum schedule;
 *       trained on S_t it gives GAN-test and the features of FID, trained on S_g it gives GAN-train.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>GAN-train and GAN-test (§5.1): accuracies, in {@link GanEvalExperiment#measure}.</li>
 *   <li>{@link FrechetDistance}: eq. 4.12 in the classifier's features; {@link InceptionScore}: eq. 4.11 with the
 *       classifier's p(y|x).</li>
 * </ul>
 *
 * <h2>Experiment and presentation</h2>
 * <ul>
 *   <li>{@link GanEvalExperiment}: {@code Config.forScale}, {@code run(config, seed, checkpoints)} → {@link GanEvalResults}.</li>
 *   <li>{@link GanEvalTables}, {@link GanEvalFigures}, {@link GanEvalClaims}.</li>
 * </ul>
 */
package org.thesislab.ganeval;

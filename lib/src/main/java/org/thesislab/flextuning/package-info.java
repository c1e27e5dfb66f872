/**
 * Flex-tuning, choosing which unit of a pre-trained network to fine-tune: thesis 000 (Royer,
 * {@code 000_79654255d221b1a0.txt}), Section 4.1 "Flex-tuning: A Flexible Layer Selection Scheme for Transfer
 * Learning". It covers units and fine-tuning by unit with flex-tuning (§4.1.2, Algorithm 3, Fig. 4.1), the
 * cheaper criteria fast-flex and faster-flex with their costs (§4.1.3, Algorithms 4-5, Table 4.1), the benchmark
 * and its baselines (§4.1.4, Table 4.2), and the results and unit selection (§4.1.5, Tables 4.3-4.5, Fig. 4.2).
 * The thesis' small MNIST setting (a 4-unit network, synthetic target shifts, 3 to 3000 images per class) is
 * rebuilt on Fashion-MNIST with this reproduction's shifts and widths, which the thesis does not give.
 * Pixel-level adaptation (§4.1.6) and the retrieval study (Table 4.6) are not reproduced.
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@link Protocol}: the fine-tuning protocol of §4.1.4: Adam at 1e-3, early stopping on validation
 *       accuracy, the best weights restored.</li>
 *   <li>{@code FlexExperiment.Config} and {@code FashionTransfer.Sizes}: targets, ratios, repetitions and data
 *       sizes per scale (nested records).</li>
 * </ul>
 *
 * <h2>Data</h2>
 * <ul>
 *   <li>{@link FashionTransfer}: the benchmark of §4.1.4 on Fashion-MNIST: the source data, and the images each
 *       target domain shifts.</li>
 *   <li>{@link TargetShift}: the target domains, visual shifts that keep every label ("semantically close but
 *       visually different"), each named with its thesis analogue.</li>
 *   <li>{@link ShiftTransforms}: the pixel operations behind the shifts (noise, inversion, contrast and gamma,
 *       blur, rotation, affine warp, texture blend).</li>
 *   <li>{@link TargetDomain}: one target domain: the shifted pool, D_val and test set, and the data-scarce
 *       training set D drawn from the pool.</li>
 *   <li>{@link TransferData}: the data of one transfer problem: D, D_val and a test set.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link Layer}: one convolutional or fully-connected layer, with the optional ft-ss scale and shift
 *       parameters (Sun et al. 2019b, §4.1.4).</li>
 *   <li>{@link Unit}: a unit f^l, one layer or a block of consecutive layers (§4.1.2), frozen or tuned.</li>
 *   <li>{@link UnitNetwork}: f = f^L o ... o f^1 with per-unit freezing and the network surgery of fast-flex
 *       (Algorithm 4); the 4-unit network of the MNIST setting (Table 4.2: 2 conv + 2 FC).</li>
 * </ul>
 *
 * <h2>Loss</h2>
 * <ul>
 *   <li>None of its own: every run minimises the softmax cross-entropy of {@code core.train}.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@link Cost}: what a run or a selection method costs (Table 4.1): steps, epochs, validation passes,
 *       seconds.</li>
 *   <li>{@link FlexResults}: every run and selection of a sweep, and the chapter's statistics computed from them
 *       (mean accuracies, unit ranks, oracle and regret, proxy correlation, gaps to flex, total cost).</li>
 * </ul>
 *
 * <h2>Experiment</h2>
 * <ul>
 *   <li>{@link Scheme}: a fine-tuning scheme: ft-l for a single unit (the flex candidates), and the baselines
 *       ft-fc(1), ft-fc(2), ft-ss and ft-all (§4.1.4), plus ft-all for one epoch (Algorithm 5).</li>
 *   <li>{@link FineTuner}: fine-tunes a copy of the network with a scheme until validation accuracy stops
 *       improving (the inner step of Algorithms 3-5).</li>
 *   <li>{@link FineTuneRun}: one fine-tuning run: its validation and test accuracy, curve and cost.</li>
 *   <li>{@link FlexTuning}: the selection criteria flex (Algorithm 3), fast-flex (Algorithm 4) and faster-flex
 *       (Algorithm 5), with the proxies f_prox-l, and the fixed baselines.</li>
 *   <li>{@link FlexExperiment}: pre-trains the source network, then runs every scheme and criterion on every
 *       target, ratio and repetition (§4.1.4-4.1.5); {@code run(config, seed, checkpoints)} in one call, or
 *       {@code prepare} and {@code sweep} as the notebook's steps.</li>
 * </ul>
 *
 * <h2>Presentation</h2>
 * <ul>
 *   <li>{@link FlexFigures}: the target domains' images, per-unit curves (Fig. 4.1), and the winning-unit and
 *       rank-sum heatmaps (Fig. 4.2).</li>
 *   <li>{@link FlexTables}: the units, Table 4.2 (domains), Table 4.3 (main results), selection quality, costs
 *       (Table 4.1), the thesis' rows of Tables 4.3-4.5 beside ours, and the summary.json numbers.</li>
 * </ul>
 */
package org.thesislab.flextuning;

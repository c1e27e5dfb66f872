/**
 * CPFS, self-supervised learning from motion by cross pixel optical-flow similarity: thesis 004 (A. Mahendran,
 * "Self-Supervised Learning Using Motion and Visualizing Convolutional Neural Networks", DPhil, Oxford 2018;
 * {@code 004_051052427017f356.txt}), Chapter 3. It covers the kernels (§3.2.1, Eq. 3.2), the losses CPFS-KTA,
 * CPFS-CE and CPFS-CE-rev (§3.2.2, Eqs. 3.3-3.7), the hypercolumn embedding CNN (§3.2.3, §3.3.1, Appendix A),
 * the flow normalisation and training details (§3.3.2-3.3.3, Eq. 3.8), and the transfer comparison with the
 * direct flow-classification baseline (§3.3.5, Tables 3.1-3.2); the natural pre-images of Chapter 5 are applied
 * to the CPFS-CE network as in Chapter 6. The YFCC100m frames and their estimated flow are replaced by procedural
 * clips with exact flow, AlexNet by a smaller network with the same hypercolumn taps, and the PASCAL and ImageNet
 * benchmarks by segmentation of the same clips.
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@code CpfsExperiment.Config}: frame size, architecture, data sizes, pre-training, probe and
 *       fine-tuning settings per scale (a nested record; 'paper' takes the thesis' optimiser settings of
 *       §3.3.3).</li>
 * </ul>
 *
 * <h2>Data</h2>
 * <ul>
 *   <li>{@link MovingShapes}: the procedural video source: textured shapes moving rigidly over a textured,
 *       possibly panning background, with exact optical flow and semantic and instance labels.</li>
 *   <li>{@link Flow}: the log normalisation of the flow (Eq. 3.8), its quantisation for the baseline, and a colour
 *       coding for figures.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link PixelEmbeddingNet}: the embedding CNN phi(I, p | Theta) (§3.2.3, §3.3.1): an AlexNet-shaped
 *       backbone with parameter-free batch norm, a sparse hypercolumn and an MLP head, L2-normalised to D = 16.</li>
 *   <li>{@link Hypercolumn}: sparse hypercolumns, features of several layers read at sampled pixels by bilinear
 *       interpolation (§3.2.3).</li>
 * </ul>
 *
 * <h2>Loss</h2>
 * <ul>
 *   <li>{@link Kernels}: the flow and embedding kernels (Eq. 3.2), kernel-target alignment (Eq. 3.3), the
 *       row softmax with down-weighted diagonal (Eqs. 3.5-3.6), and the cross-entropies CE (Eq. 3.4) and CE-rev
 *       (Eq. 3.7).</li>
 *   <li>{@link PretextLoss}: the pretext objectives as training losses: CPFS-CE, CPFS-KTA, CPFS-CE-rev and the
 *       "direct cls." flow-classification baseline of §3.3.5.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@link Transfer}: the transfer evaluation on segmentation of the clips (the analogue of §3.3.5's VOC12
 *       segmentation and Table 3.2's per-layer linear probes): frozen features, linear probes, fine-tuning, and
 *       pixel accuracy and mean IoU.</li>
 * </ul>
 *
 * <h2>Experiment</h2>
 * <ul>
 *   <li>{@link CpfsExperiment}: pre-trains one network per arm (random, CPFS-CE, CPFS-KTA, CPFS-CE-rev, flow
 *       classification, and a shuffled-flow control that is not in the thesis), then probes and fine-tunes
 *       each; {@code run(config, seed, checkpoints)} in one call, or the notebook's steps.</li>
 *   <li>{@link CpfsResults}: every arm's pre-training and transfer scores, with the configuration and seed.</li>
 *   <li>{@link PreImage}: the natural pre-image method of Chapter 5: the energy of Eqs. 5.1 and 5.7 with the
 *       bounded-range and total-variation regularisers (§5.2.2), the inversion, activation and caricature losses
 *       (§5.2.1), and the optimiser of Algorithm 1 (§5.2.3).</li>
 * </ul>
 *
 * <h2>Presentation</h2>
 * <ul>
 *   <li>{@link CpfsFigures}: clips with their flow, "goes-with-p" kernel rows (Fig. 3.2), embeddings shown as
 *       colours (Fig. 3.4, here by principal components instead of a random projection), and the probe mIoU per
 *       layer.</li>
 *   <li>{@link CpfsTables}: the summary.json numbers, the pre-training table, the transfer and per-layer probe
 *       tables (the analogues of Tables 3.1-3.2) in this run's numbers, the thesis' numbers beside ours, and the
 *       headline in words.</li>
 *   <li>{@link Visualisation}: Chapter 6 on the clips: inversions (§6.2), activation maximisation (§6.1) and
 *       caricatures (§6.3) of the CPFS network beside a random one.</li>
 * </ul>
 */
package org.thesislab.cpfs;

/**
 * ODGI, object detection with grouped instances: thesis 000 (Royer, {@code 000_79654255d221b1a0.txt}),
 * Section 3.1 "Grouped Instances for Object Detection" (Royer &amp; Lampert, WACV 2020). It covers the multi-stage
 * detector and its stage transition (§3.1.2), the grouping rule and the losses (§3.1.3, Eqs. 3.1-3.9), the
 * experiments against single-shot detectors (§3.1.4, Table 3.2, Figs. 3.3, 3.6 and 3.7), the ablations
 * (§3.1.5, Table 3.3) and the flexibility analysis (§3.1.6). VEDAI and SDD are replaced by procedural aerial
 * scenes; this reproduction divides all pixel sizes by 8 (128 px for the thesis' 1024 px) and the backbone stride
 * from 32 to 4, so the grid sizes are the thesis' ones. Details the thesis leaves open follow the authors'
 * TensorFlow code (github.com/ameroyer/ODGI), as noted in each class.
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@code OdgiExperiment.Config}, {@code OdgiTraining.Settings} and {@code OdgiLoss.Settings}: the run's
 *       sizes, resolutions and threshold grids, the training schedule, and the loss weights (nested records).</li>
 * </ul>
 *
 * <h2>Data</h2>
 * <ul>
 *   <li>{@link SparseClusters}: the procedural stand-in for VEDAI and SDD: sparse clusters of small vehicles and
 *       unlabelled distractors on textured ground.</li>
 *   <li>{@link AerialImage}: one image with its labelled boxes.</li>
 *   <li>{@link AerialData}: a set of images with their inputs at each detector resolution, and Table 3.1-style
 *       statistics.</li>
 *   <li>{@link Box}: an axis-aligned box in image-normalised coordinates, with IoU (Eq. 3.7) and the enclosing box
 *       (the "union" of Eq. 3.3).</li>
 *   <li>{@link Resampling}: area resize, crop-and-resize and horizontal flip of images.</li>
 *   <li>{@link AnnotationLoaders}: readers for the VEDAI and SDD ground truth (§3.1.4), for the real data sets.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link GridDetector}: one stage phi_s, or a single-shot baseline: a fully-convolutional network predicting
 *       one box per grid cell ("Stage architecture", §3.1.2).</li>
 *   <li>{@link CellPrediction}: one cell's decoded output: box, confidence c, group flag g, offsets (o_w, o_h).</li>
 *   <li>{@link Detection}: a predicted box with its confidence.</li>
 *   <li>{@link Nms}: greedy non-maximum suppression, after the stage transition and on the final output.</li>
 *   <li>{@link StageTransition}: the stage transition of §3.1.2 (thresholds tau_low, tau_high, tau_nms, at most
 *       gamma crops, rescaling by 1/o), its training-time setting (§3.1.3) and the Table 3.3 ablation
 *       variants.</li>
 *   <li>{@link OdgiDetector}: ODGI with S = 2 stages: phi_1 at resolution R1, crops, phi_2 at R2, early exits.</li>
 *   <li>{@link SingleShotDetector}: the baseline, one grid detector at one resolution (the tiny-yolo rows of
 *       Table 3.2).</li>
 * </ul>
 *
 * <h2>Loss</h2>
 * <ul>
 *   <li>{@link GroupTargets}: the ground truth of one image on a grid by the grouping rule (Eqs. 3.2-3.4), and
 *       the empty-cell ratio of Table 3.1.</li>
 *   <li>{@link OdgiLoss}: L_ODGI = L_groups + L_coords + L_offsets (Eq. 3.1), with Eqs. 3.5-3.9.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@link AveragePrecision}: PASCAL VOC 2010+ average precision at IoU 0.5 and 0.75 (the MAP@0.5 and
 *       MAP@0.75 of Table 3.2).</li>
 * </ul>
 *
 * <h2>Experiment</h2>
 * <ul>
 *   <li>{@link OdgiTraining}: training of the baselines and of both ODGI stages with delayed training
 *       (§3.1.3), on core's training loop (stage 2 in its per-batch hook).</li>
 *   <li>{@link OdgiExperiment}: the experiment of §3.1.4: baselines and ODGI at several resolutions, gamma_test
 *       from crop occupancy, the tau sweep on validation, counted and timed cost, and the Table 3.3
 *       ablation; {@code run(config, seed, checkpoints)} in one call, or {@code data}, {@code train} and
 *       {@code evaluate} as the notebook's steps.</li>
 *   <li>{@link OdgiResults}: what it measured on the test set, with its configuration and seed.</li>
 *   <li>{@link Flexibility}: the analysis of §3.1.6 on denser scenes and larger objects, with the ground-truth
 *       groups standing in for an ideal stage 1.</li>
 * </ul>
 *
 * <h2>Presentation</h2>
 * <ul>
 *   <li>{@link OdgiFigures}: groups on a grid, the pipeline's panels (Fig. 3.7) and accuracy against cost
 *       (Figs. 3.3 and 3.6).</li>
 *   <li>{@link OdgiTables}: Tables 3.1, 3.2 and 3.3 in this run's numbers, the training history, and the thesis'
 *       numbers beside ours.</li>
 * </ul>
 */
package org.thesislab.odgi;

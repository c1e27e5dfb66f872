/**
 * Abstract visual reasoning by rationale learning: thesis 000 (Royer, {@code 000_79654255d221b1a0.txt}),
 * Chapter 2 "Exploiting Compositional Structure for Generalization" (Royer &amp; Lampert 2020). It covers the AVR
 * universe and the rationale-learning task with its held-out setting (§2.2, Def. 2.2.1-2.2.2, Eq. 2.1), the
 * generator and the 3DS and Raven benchmarks (§2.3), the criteria systematic, consistent and oblivious (§2.4.1,
 * Eqs. 2.2-2.3), the metrics and weak obliviousness (§2.5, Eqs. 2.4-2.6), and the experiments of §2.6
 * (Tables 2.2-2.4). The thesis renders 3DS by looking images up in 3D Shapes and Raven with matplotlib; here both
 * renderers are procedural. The thesis lists neither its held-out sets nor the 8 forbidden Raven rationales, and
 * gives no layer sizes or optimiser for most models; those are this reproduction's choices.
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@code AvrExperiment.Config}: which experiment (benchmark, held-out setting, models), data sizes, epochs,
 *       optimiser and layer sizes per scale (a nested record; the thesis gives the data sizes of §2.3 and the -co
 *       models' momentum SGD of §2.6).</li>
 * </ul>
 *
 * <h2>Data</h2>
 * <ul>
 *   <li>{@link Universe}: an AVR universe (P, V, R) with its permitted rationales (§2.2.1); class index
 *       p * |R| + r.</li>
 *   <li>{@link Property}: a visual property p and its abstract values (a number, a set or a count).</li>
 *   <li>{@link Rule}: a rule r of arity k on abstract values, and one step of compliance (Eq. 2.1).</li>
 *   <li>{@link Rationale}: a rule-property pair (r, p) (Def. 2.2.1).</li>
 *   <li>{@link Renderer}: the rendering operator psi, one assignment to one image (§2.2.1).</li>
 *   <li>{@link Sequence}: one sequence of assignments (v^1..v^n), its unique rationale and its distractor flags.</li>
 *   <li>{@link Verifier}: the verifier of §2.3.1, every rationale a sequence complies with by Eq. 2.1.</li>
 *   <li>{@link SequenceGenerator}: the rejection-sampling generator of §2.3.1 (Steps 1-7 and "Final").</li>
 *   <li>{@link HeldOut}: a held-out setting, Y_heldout and Y_train, with the coverage constraint of §2.2.2; the
 *       3DS sets (Latin diagonals) and the Raven search are this reproduction's choice.</li>
 *   <li>{@link Shapes3D}: the 3DS benchmark (§2.3): 5 properties, rules v + inc for inc in -2..2, all 25
 *       rationales; a 2D stand-in for the 3D Shapes images.</li>
 *   <li>{@link Raven}: the Raven benchmark (§2.3): 9 set-valued properties, Progression, XOR, OR and AND, 28 of
 *       36 rationales permitted; grey 2D glyphs in place of matplotlib plots.</li>
 *   <li>{@link Benchmark}: a universe with its generator and renderer; generates datasets from a set of
 *       rationales. {@link Benchmark.Variant}: 3DS, Raven without and with distractors, with their held-out
 *       settings.</li>
 *   <li>{@link AvrDataset}: rendered sequences in memory, with labels, abstract values and distractor flags.</li>
 *   <li>{@link AvrShards}: a benchmark on disk in binary shards with a manifest, and a command line that writes
 *       one held-out setting at the thesis' sizes.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link RationaleModel}: the eight models of §2.6 and Table 2.2 (CNN, RN, CNN-c, RN-c, CNN-co, RN-co, CNN*,
 *       CNN*-c): an encoder f and a reasoning module phi (§2.4.1), systematic (Eq. 2.2) and consistent (Eq. 2.3)
 *       variants, pairwise domain classifiers behind a gradient reversal layer for weak obliviousness
 *       (Criterion 4, §2.5.2), and the oracles supervised with the abstract values.</li>
 *   <li>{@link RelationalHead}: the relation-network reasoning module of RN (Santoro et al. 2017), with
 *       position-tagged panels.</li>
 *   <li>{@link ValueReasoner}: a diagnostic, not a thesis model: the consistent phi of CNN*-c trained on the
 *       true abstract values.</li>
 * </ul>
 *
 * <h2>Loss</h2>
 * <ul>
 *   <li>{@link RationaleLoss}: softmax cross-entropy over all |R x P| rationales (Def. 2.2.2), plus the oracles'
 *       value regression and the -co models' domain-classifier cross-entropy (Ganin et al. 2016).</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@link Information}: nearest-neighbour estimators of §2.5: Ross (2014) mutual information for
 *       obliviousness (Eq. 2.4) and informativeness (Eq. 2.6), Kozachenko-Leonenko entropy for invariance
 *       (Eq. 2.5), and the mutual information gap of §2.6.2.</li>
 * </ul>
 *
 * <h2>Experiment</h2>
 * <ul>
 *   <li>{@link AvrExperiment}: the experiment of §2.6 for one benchmark and one held-out setting: accuracy
 *       on Y_train and Y_heldout (Table 2.2), obliviousness and MIG (Table 2.3), the I(f_p; v_p') matrix
 *       (Table 2.4), and the true-value and ground-truth diagnostics; {@code AvrExperiment.run(Config, seed,
 *       Checkpoints)} runs the experiment a configuration names.</li>
 *   <li>{@link AvrResults}: what one run measured, for the tables, figures and summary.</li>
 * </ul>
 *
 * <h2>Presentation</h2>
 * <ul>
 *   <li>{@link AvrFigures}: example sequences, the held-out settings, training curves, the held-out confusion and
 *       the I(f_p; v_p') matrix (Table 2.4) as images and charts.</li>
 *   <li>{@link AvrTables}: the universes, Tables 2.2 and 2.3 in this run's numbers beside the thesis' ones (which
 *       it holds), the summary.json numbers, and the headline numbers beside the thesis'.</li>
 * </ul>
 */
package org.thesislab.avr;

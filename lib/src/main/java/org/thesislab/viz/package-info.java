/**
 * Figures, tables and notebook output shared by chapters; it reproduces no thesis chapter.
 * <ul>
 *   <li>{@link Plots}: curves, bars, heatmaps and captioned image grids.</li>
 *   <li>{@link Images}: tensors to pictures and back, and boxes drawn on pictures.</li>
 *   <li>{@link Tables}: Tablesaw tables as HTML for the notebook.</li>
 *   <li>{@link Display}: rich output in the notebook kernel, or text elsewhere.</li>
 * </ul>
 */
package org.thesislab.viz;

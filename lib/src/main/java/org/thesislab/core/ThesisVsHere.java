package org.thesislab.core;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The thesis' reported numbers beside ours, each with the setting it was measured in, so a reader sees at
 * once what was reproduced and at which scale.
 */
public final class ThesisVsHere {
    private final String title;
    private final List<Object[]> rows = new ArrayList<>();

    public ThesisVsHere(String title) {
        this.title = title;
    }

    /**
     * @param quantity what is compared ("held-out accuracy, CNN")
     * @param thesis the thesis' value (NaN when the thesis reports none)
     * @param thesisSetting where the thesis measured it ("3D Shapes, 100k sequences, Table 2.2")
     * @param here our value, computed in this run
     * @param hereSetting where we measured it ("quick: 2k sequences, 32x32, CPU")
     */
    public ThesisVsHere row(String quantity, double thesis, String thesisSetting, double here, String hereSetting) {
        rows.add(new Object[] {quantity, thesis, thesisSetting, here, hereSetting});
        return this;
    }

    public Table table() {
        StringColumn quantity = StringColumn.create("quantity");
        DoubleColumn thesis = DoubleColumn.create("thesis");
        StringColumn thesisSetting = StringColumn.create("thesis setting");
        DoubleColumn here = DoubleColumn.create("here");
        StringColumn hereSetting = StringColumn.create("here setting");
        for (Object[] r : rows) {
            quantity.append((String) r[0]);
            thesis.append((double) r[1]);
            thesisSetting.append((String) r[2]);
            here.append((double) r[3]);
            hereSetting.append((String) r[4]);
        }
        return Table.create(title, quantity, thesis, thesisSetting, here, hereSetting);
    }
}

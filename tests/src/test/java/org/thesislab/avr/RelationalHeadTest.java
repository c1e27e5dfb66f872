package org.thesislab.avr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RelationalHeadTest {

    private final Universe u = Shapes3D.universe();

    private static float maxDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    @Test
    void relationNetworksHaveTheRationaleLayoutAndOnlyRnCoHasDomainLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 3, 16, 16));
            ParameterStore store = new ParameterStore(m, false);
            RationaleModel.Sizes sizes = RationaleModel.Sizes.small();
            NDList rn = new RationaleModel(RationaleModel.Kind.RN, u, 3, sizes).initialize(m, 3, 16).forward(store, new NDList(x), true);
            assertEquals(1, rn.size(), "RN is not systematic: logits only");
            assertEquals(new Shape(2, 25), rn.get(0).getShape());
            NDList rnc = new RationaleModel(RationaleModel.Kind.RN_C, u, 3, sizes).initialize(m, 3, 16).forward(store, new NDList(x), true);
            assertEquals(2, rnc.size());
            assertEquals(new Shape(2, 25), rnc.get(0).getShape());
            assertEquals(new Shape(2, 3, 5, 4), rnc.get(1).getShape());
            RationaleModel co = new RationaleModel(RationaleModel.Kind.RN_CO, u, 3, sizes).initialize(m, 3, 16);
            NDList rnco = co.forward(store, new NDList(x), true);
            assertEquals(3, rnco.size());
            assertEquals(new Shape(12, 10), rnco.get(2).getShape(), "10 property pairs, 2 * B * n rows");
            assertEquals(2, co.forward(store, new NDList(x), false).size(), "no domain branch at evaluation");
            assertTrue(RationaleModel.Kind.RN_CO.adversarial() && !RationaleModel.Kind.RN_C.adversarial());
            assertFalse(RationaleModel.Kind.RN.systematic());
        }
    }

    @Test
    void rnCIsConsistentAcrossProperties() {
        // (2.3): swapping the code blocks of two properties swaps their rationale scores, nothing else
        try (NDManager m = NDManager.newBaseManager()) {
            RationaleModel model = new RationaleModel(RationaleModel.Kind.RN_C, u, 3, RationaleModel.Sizes.small()).initialize(m, 3, 16);
            ParameterStore store = new ParameterStore(m, false);
            NDArray codes = m.randomNormal(new Shape(4, 3, 5, 4));
            long[] perm = {3, 1, 4, 0, 2};
            NDArray permuted = codes.get(":, :, {}", m.create(perm));
            NDArray a = model.reason(store, codes, false).reshape(4, 5, 5);
            NDArray b = model.reason(store, permuted, false).reshape(4, 5, 5);
            assertTrue(maxDiff(a.get(":, {}", m.create(perm)), b) < 1e-5, "score block q of the permuted codes = block perm[q]");
            assertTrue(maxDiff(a, b) > 1e-3, "the blocks do differ, so the check above has teeth");
        }
    }

    @Test
    void positionTagsMakePanelOrderMatter() {
        try (NDManager m = NDManager.newBaseManager()) {
            RelationalHead head = new RelationalHead(3, 32, 5);
            head.initialize(m, DataType.FLOAT32, new Shape(1, 3, 4));
            ParameterStore store = new ParameterStore(m, false);
            NDArray panels = m.randomNormal(new Shape(6, 3, 4));
            NDArray tags = m.eye(3);
            NDArray swap = m.create(new long[] {2, 1, 0});
            NDArray out = head.forward(store, new NDList(panels), false).head();
            assertEquals(new Shape(6, 5), out.getShape());
            assertTrue(maxDiff(out, head.relate(store, panels, tags, false)) < 1e-6, "forward tags panel i with e_i");
            NDArray both = head.relate(store, panels.get(":, {}", swap), tags.get(swap), false);
            assertTrue(maxDiff(out, both) < 1e-5, "a sum over all ordered pairs ignores the order of tagged panels");
            NDArray contentsOnly = head.relate(store, panels.get(":, {}", swap), tags, false);
            assertTrue(maxDiff(out, contentsOnly) > 1e-3, "with the tags fixed, reversing the panels changes the scores");
            NDArray untagged = head.relate(store, panels, m.zeros(new Shape(3, 3)), false);
            NDArray untaggedSwapped = head.relate(store, panels.get(":, {}", swap), m.zeros(new Shape(3, 3)), false);
            assertTrue(maxDiff(untagged, untaggedSwapped) < 1e-5, "without tags the head could not tell +inc from -inc");
        }
    }
}

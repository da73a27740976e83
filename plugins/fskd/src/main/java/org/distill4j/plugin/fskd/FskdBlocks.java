package org.distill4j.plugin.fskd;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;
import org.distill4j.api.network.TensorShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Finds the FSKD blocks (docs/methods.md §8(b) "what a block is"): every student conv whose folded output feeds
 * element-wise non-linearities only. In VGG that is every conv; in ResNet the stem and the first conv of each basic
 * block, not the conv before the residual addition (a Q there would have to fit the block output minus the shortcut,
 * option (ii) of docs/methods.md §8(b); option (i) is the recommended default and mergeable as is).
 */
public final class FskdBlocks {

    private FskdBlocks() {
    }

    /**
     * @param folded       the folded student spec (conv-BN pairs merged, so a block conv feeds its ReLU directly)
     * @param teacher      the teacher spec, unfolded: its pre-activation is its batch norm's output
     * @param keptChannels the compressor's kept teacher channels per conv; a conv absent from it keeps all channels
     */
    public static List<FskdBlock> find(NetworkSpec folded, NetworkSpec teacher, Map<String, List<Integer>> keptChannels) {
        Map<String, TensorShape> studentShapes = folded.shapes();
        Map<String, TensorShape> teacherShapes = teacher.shapes();
        List<FskdBlock> blocks = new ArrayList<>();
        for (NodeSpec node : folded.nodes()) {
            if (!(node instanceof NodeSpec.Conv2d conv) || !feedsNonLinearitiesOnly(folded, conv.name())) {
                continue;
            }
            FskdSpecEdits.conv(teacher, conv.name(), "the teacher");
            String target = preActivation(teacher, conv.name());
            TensorShape studentShape = studentShapes.get(conv.name());
            TensorShape teacherShape = teacherShapes.get(target);
            if (studentShape.height() != teacherShape.height() || studentShape.width() != teacherShape.width()) {
                throw new IllegalArgumentException("block '" + conv.name() + "': the student's output is "
                        + studentShape + " but the teacher's pre-activation '" + target + "' is " + teacherShape
                        + "; FSKD needs the same feature-map size at every block");
            }
            List<Integer> kept = keptChannels.get(conv.name());
            if (kept == null) {
                kept = IntStream.range(0, teacherShape.channels()).boxed().toList();
            }
            for (int channel : kept) {
                if (channel < 0 || channel >= teacherShape.channels()) {
                    throw new IllegalArgumentException("kept channels of '" + conv.name() + "' name teacher channel "
                            + channel + ", but '" + target + "' has channels 0.." + (teacherShape.channels() - 1));
                }
            }
            blocks.add(new FskdBlock(conv.name(), conv.outChannels(), target, kept));
        }
        return List.copyOf(blocks);
    }

    /** The names of the blocks' student convs, in forward order. */
    public static List<String> vertices(List<FskdBlock> blocks) {
        return blocks.stream().map(FskdBlock::vertex).toList();
    }

    private static boolean feedsNonLinearitiesOnly(NetworkSpec spec, String vertex) {
        List<String> consumers = spec.consumers(vertex);
        return !consumers.isEmpty() && consumers.stream()
                .allMatch(name -> FskdSpecEdits.isNonLinearity(spec.node(name).orElseThrow()));
    }

    /** The teacher vertex that feeds the non-linearity after the conv: its batch norm if it has one, else the conv. */
    private static String preActivation(NetworkSpec teacher, String conv) {
        List<String> consumers = teacher.consumers(conv);
        if (consumers.size() == 1 && teacher.node(consumers.get(0)).orElseThrow() instanceof NodeSpec.BatchNorm) {
            return consumers.get(0);
        }
        return conv;
    }
}

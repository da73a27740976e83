package org.distill4j.plugin.darkrank;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;

import java.util.List;

/** DarkRank: the teacher's ranking of cross-sample similarities transferred to a metric-learning student. */
public final class DarkRankPlugin implements Distill4jPlugin {

    static final String CITATION = "Chen, Wang, Zhang. DarkRank: Accelerating Deep Metric Learning via Cross Sample "
            + "Similarities Transfer. AAAI 2018, arXiv:1707.01220";

    @Override
    public String name() {
        return "darkrank";
    }

    @Override
    public List<Component<?>> components() {
        return List.of(
                Component.distiller("darkrank-hard", DarkRankHardParams.class, DarkRankHardDistiller.class,
                        "ListMLE: -log Plackett-Luce likelihood, under the student's scores -alpha d^beta, of the"
                                + " teacher's ranking of each query's batch neighbours", CITATION),
                Component.distiller("darkrank-soft", DarkRankSoftParams.class, DarkRankSoftDistiller.class,
                        "ListNet: KL between the teacher's and the student's Plackett-Luce distributions over all"
                                + " orders of each query's L teacher-nearest batch neighbours", CITATION));
    }
}

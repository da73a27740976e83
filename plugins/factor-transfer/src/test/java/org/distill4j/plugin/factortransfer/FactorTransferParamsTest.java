package org.distill4j.plugin.factortransfer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactorTransferParamsTest {

    @Test
    void betaDefaultsToTheModesReferenceAndTheTeacherToTheStudentsVertex() {
        FtParams authors = new FtParams("stage3.output");
        assertThat(authors.beta()).isEqualTo(500);
        assertThat(authors.teacher()).isEqualTo("stage3.output");
        assertThat(authors.mode()).isEqualTo(FactorTransferMode.AUTHORS);
        assertThat(new FtParams("s", null, 0.5, null, 2, 1, 0.1, FactorTransferMode.REPDISTILLER).beta())
                .isEqualTo(200);
        assertThat(new FtParams("s", "t", 0.5, 3.0, 2, 1, 0.1, FactorTransferMode.REPDISTILLER).beta())
                .isEqualTo(3);
    }

    @Test
    void factorChannelsRoundInTheAuthorsModeAndFloorInRepDistillers() {
        // int(round(64 * RATE)) in the authors' train_student.py; int(t_shape[1] * k) in RepDistiller's util.py.
        assertThat(FactorTransferMode.AUTHORS.factorChannels(64, 0.5)).isEqualTo(32);
        assertThat(FactorTransferMode.AUTHORS.factorChannels(5, 0.5)).isEqualTo(3);
        assertThat(FactorTransferMode.REPDISTILLER.factorChannels(5, 0.5)).isEqualTo(2);
    }

    @Test
    void invalidValuesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new FtParams("s", null, 0, null, 2, 1, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("rate must be in (0, 1]");
        assertThatThrownBy(() -> new FtParams("s", null, 1.5, null, 2, 1, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("rate must be in (0, 1]");
        assertThatThrownBy(() -> new FtParams("s", null, 0.5, -1.0, 2, 1, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("beta must be finite and > 0");
        assertThatThrownBy(() -> new FtParams("s", null, 0.5, null, 0, 1, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("p1 must be finite and > 0");
        assertThatThrownBy(() -> new FtParams("s", null, 0.5, null, 2, 0.5, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("p2 must be finite and >= 1");
        assertThatThrownBy(() -> new FtParams("s", null, 0.5, null, 2, 1, 1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("slope must be in [0, 1)");
        assertThatThrownBy(() -> new FtParams(" ", null, 0.5, null, 2, 1, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("student must name the student's feature map");
        assertThatThrownBy(() -> new FtParams("s", null, 0.5, null, 2, 1, 0.1, null))
                .hasMessageContaining("mode must be authors or repdistiller");
        assertThatThrownBy(() -> new FtParaphraserParams("", 0.5, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("teacher must name the teacher's feature map");
        assertThatThrownBy(() -> new FtParaphraserParams("t", -0.5, 0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("rate must be in (0, 1]");
        assertThatThrownBy(() -> new FtParaphraserParams("t", 0.5, -0.1, FactorTransferMode.AUTHORS))
                .hasMessageContaining("slope must be in [0, 1)");
        assertThatThrownBy(() -> new FtParaphraserParams("t", 0.5, 0.1, null))
                .hasMessageContaining("mode must be authors or repdistiller");
    }
}

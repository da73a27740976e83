package org.distill4j.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListCommandTest {

    @Test
    void listsTheComponentsOfThePluginsOnTheClassPath() {
        CommandOutput output = CommandOutput.run("list", "--kind", "distiller");

        assertThat(output.exitCode()).as(output.all()).isZero();
        assertThat(output.text()).startsWith("## distillers")
                .contains("  hinton-kd  [plugin hinton-kd]", "    temperature (")
                .doesNotContain("## datasets");
    }
}

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

    @Test
    void everyKindIsHeadedByItsPlural() {
        CommandOutput output = CommandOutput.run("list", "--kind", "model-family");

        assertThat(output.exitCode()).as(output.all()).isZero();
        assertThat(output.text()).startsWith("## model-families");
        assertThat(ListCommand.plural("schedule")).isEqualTo("schedules");
        CommandOutput unknown = CommandOutput.run("list", "--kind", "teacher");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.all()).contains("unknown kind 'teacher'; the kinds are distiller, compressor, aligner,"
                + " model-family, dataset, optimizer, schedule");
    }
}

package org.salescrm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void upRunsInTheForegroundWithDemoDataByDefault() {
        CommandLine up = CommandLine.parse(List.of("up"));

        assertThat(up.command()).isEqualTo(CommandLine.Command.UP);
        assertThat(up.detach()).isFalse();
        assertThat(up.demo()).isTrue();
    }

    @Test
    void upTakesDetachAndNoDemoInAnyOrder() {
        CommandLine expected = new CommandLine(CommandLine.Command.UP,
                Set.of(CommandLine.UpOption.DETACH, CommandLine.UpOption.NO_DEMO), null);

        assertThat(CommandLine.parse(List.of("up", "--detach", "--no-demo"))).isEqualTo(expected);
        assertThat(CommandLine.parse(List.of("up", "--no-demo", "-d"))).isEqualTo(expected);
        assertThat(expected.detach()).isTrue();
        assertThat(expected.demo()).isFalse();
    }

    @Test
    void upInfraStartsNoServiceSoLoadsNoDemo() {
        CommandLine infra = CommandLine.parse(List.of("up", "--infra", "--detach"));

        assertThat(infra.infra()).isTrue();
        assertThat(infra.detach()).isTrue();
        assertThat(infra.demo()).isFalse();
        assertThat(infra.reset()).isFalse();
    }

    @Test
    void upResetForgetsTheDataAndOtherwiseStartsAsUsual() {
        CommandLine reset = CommandLine.parse(List.of("up", "--reset"));

        assertThat(reset.reset()).isTrue();
        assertThat(reset.demo()).isTrue();
        assertThat(reset.infra()).isFalse();
        assertThat(CommandLine.USAGE).contains("--reset").contains("--infra");
    }

    @Test
    void tokenNeedsOneDemoUser() {
        assertThat(CommandLine.parse(List.of("token", "rep-east-1")).user()).isEqualTo("rep-east-1");
        assertThatThrownBy(() -> CommandLine.parse(List.of("token")))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("exactly one user");
        assertThatThrownBy(() -> CommandLine.parse(List.of("token", "mallory")))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("'mallory' is not a demo user").hasMessageContaining("mgr-east");
    }

    @Test
    void downAndStatusTakeNoArguments() {
        assertThat(CommandLine.parse(List.of("down")).command()).isEqualTo(CommandLine.Command.DOWN);
        assertThat(CommandLine.parse(List.of("status")).command()).isEqualTo(CommandLine.Command.STATUS);
        assertThatThrownBy(() -> CommandLine.parse(List.of("down", "--force")))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("takes no arguments");
    }

    @Test
    void unknownCommandsAndOptionsAreRefused() {
        assertThatThrownBy(() -> CommandLine.parse(List.of()))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("no command");
        assertThatThrownBy(() -> CommandLine.parse(List.of("start")))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("unknown command 'start'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--demo=no")))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("unknown option '--demo=no'");
    }
}

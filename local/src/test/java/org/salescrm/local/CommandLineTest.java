package org.salescrm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
        assertThat(CommandLine.parse(List.of("up", "--detach", "--no-demo")))
                .isEqualTo(new CommandLine(CommandLine.Command.UP, true, false, null));
        assertThat(CommandLine.parse(List.of("up", "--no-demo", "--detach")))
                .isEqualTo(new CommandLine(CommandLine.Command.UP, true, false, null));
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

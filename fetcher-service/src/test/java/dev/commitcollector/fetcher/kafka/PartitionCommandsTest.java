package dev.commitcollector.fetcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PartitionCommandsTest {

	private final PartitionCommands<Taken> commands = new PartitionCommands<>(3);

	@Test
	void runsCommandsOfDifferentRepositoriesAtOnce() {
		assertThat(commands.taken(taken(10, "github:acme/slow"))).isTrue();
		assertThat(commands.taken(taken(11, "github:acme/quick"))).isTrue();
	}

	@Test
	void acknowledgesNoCommandWhileAnEarlierOneRuns() {
		Taken slow = taken(10, "github:acme/slow");
		Taken quick = taken(11, "github:acme/quick");
		Taken quicker = taken(12, "github:acme/quicker");
		commands.taken(slow);
		commands.taken(quick);
		commands.taken(quicker);

		assertThat(commands.ended(quick).acknowledge()).isNull();
		assertThat(commands.ended(quicker).acknowledge()).isNull();
		assertThat(commands.ended(slow).acknowledge()).as("the last of those ended in a row").isSameAs(quicker);
	}

	@Test
	void acknowledgesEachCommandThatEndsInOrder() {
		Taken first = taken(10, "github:acme/a");
		Taken second = taken(11, "github:acme/b");
		commands.taken(first);
		commands.taken(second);

		assertThat(commands.ended(first).acknowledge()).isSameAs(first);
		assertThat(commands.ended(second).acknowledge()).isSameAs(second);
	}

	@Test
	void runsTwoCommandsOfOneRepositoryOneAfterTheOther() {
		Taken first = taken(10, "github:acme/widgets");
		Taken other = taken(11, "github:acme/gadgets");
		Taken second = taken(12, "github:acme/widgets");
		Taken third = taken(13, "github:acme/widgets");
		commands.taken(first);
		commands.taken(other);
		assertThat(commands.taken(second)).isFalse();
		assertThat(commands.taken(third)).isFalse();
		assertThat(commands.owns(second)).as("waiting, still this instance's").isTrue();

		var ended = commands.ended(first);

		assertThat(ended.start()).containsExactly(second);
		assertThat(ended.acknowledge()).isSameAs(first);
		assertThat(commands.ended(second).start()).containsExactly(third);
	}

	@Test
	void takesNoMoreThanItsCapacityOfUnfinishedCommands() {
		Taken slow = taken(10, "github:acme/slow");
		commands.taken(slow);
		Taken quick = taken(11, "github:acme/quick");
		commands.taken(quick);
		commands.taken(taken(12, "github:acme/other"));
		assertThat(commands.full()).isTrue();

		commands.ended(quick);

		assertThat(commands.full()).as("an ended command counts no more, acknowledged or not").isFalse();
	}

	@Test
	void anUnreadableCommandIsAcknowledgedInItsTurn() {
		Taken slow = taken(10, "github:acme/slow");
		Taken unreadable = taken(11, null);
		commands.taken(slow);
		assertThat(commands.taken(unreadable)).isTrue();

		assertThat(commands.ended(unreadable).acknowledge()).isNull();
		assertThat(commands.ended(slow).acknowledge()).isSameAs(unreadable);
	}

	@Test
	void acknowledgesNothingOnceThePartitionIsHandedOver() {
		Taken running = taken(10, "github:acme/a");
		Taken waiting = taken(11, "github:acme/a");
		commands.taken(running);
		commands.taken(waiting);

		assertThat(commands.close()).as("what to cancel: only what had started").containsExactly(running);

		var ended = commands.ended(running);
		assertThat(ended.acknowledge()).isNull();
		assertThat(ended.start()).isEmpty();
		assertThat(commands.owns(waiting)).isFalse();
	}

	@Test
	void endingACommandTwiceChangesNothing() {
		Taken slow = taken(10, "github:acme/slow");
		Taken quick = taken(11, "github:acme/quick");
		commands.taken(slow);
		commands.taken(quick);
		commands.ended(quick);

		assertThat(commands.ended(quick).acknowledge()).isNull();
		assertThat(commands.owns(slow)).isTrue();
	}

	@Test
	void holdsNoMoreThanItsBacklogBehindACommandThatRuns() {
		PartitionCommands<Taken> one = new PartitionCommands<>(2);
		one.taken(taken(0, "github:acme/slow"));
		long offset = 1;
		while (!one.full()) {
			Taken quick = taken(offset++, "github:acme/quick");
			one.taken(quick);
			one.ended(quick);
		}

		assertThat(offset).as("held: the running command and the backlog behind it")
			.isEqualTo(2 * PartitionCommands.BACKLOG);
		assertThat(one.backlogged()).isTrue();
		assertThat(one.oldest().key()).isEqualTo("github:acme/slow");
	}

	@Test
	void knowsTheOffsetsItHoldsUntilTheyAreAcknowledged() {
		Taken slow = taken(10, "github:acme/slow");
		Taken quick = taken(11, "github:acme/quick");
		commands.taken(slow);
		commands.taken(quick);
		commands.ended(quick);
		assertThat(commands.holds(11)).as("ended behind one that runs").isTrue();

		commands.ended(slow);

		assertThat(commands.holds(10)).isFalse();
		assertThat(commands.holds(11)).isFalse();
	}

	@Test
	void refusesACapacityBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PartitionCommands<Taken>(0));
	}

	private static Taken taken(long offset, String key) {
		return new Taken(offset, key);
	}

	private record Taken(long offset, String key) implements PartitionCommands.Command {
	}

}

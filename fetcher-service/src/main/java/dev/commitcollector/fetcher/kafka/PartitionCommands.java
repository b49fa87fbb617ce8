package dev.commitcollector.fetcher.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The commands of one partition this instance has taken and not committed yet, in offset
 * order. Several run at once, so that one fetch held up by its forge does not hold up the
 * other repositories of its partition; two of one repository never run at once (the later
 * waits for the earlier); and an offset is acknowledged only once every command before it
 * has ended too, so a command is never committed while an earlier one still runs (the
 * next owner of the partition runs that one again, and finds the later ones ended). At
 * most {@code capacity} unfinished commands are taken at once: the partition is paused at
 * that number and resumed below it.
 *
 * <p>
 * Not thread-safe: the listener calls it under its own lock.
 *
 * @param <C> what a command carries for its run and its acknowledgement
 */
final class PartitionCommands<C extends PartitionCommands.Command> {

	/** A command as this bookkeeping needs it. */
	interface Command {

		/** Its offset in the partition. */
		long offset();

		/**
		 * Its repository (the record's key); {@code null} for one that cannot be read.
		 */
		String key();

	}

	/**
	 * How many commands per unfinished one may be held uncommitted: about 200 bytes each
	 * here, and a command the next owner takes up again, at one database statement each,
	 * should the partition move before the one that holds them up ends.
	 */
	static final int BACKLOG = 1_000;

	private final int capacity;

	/**
	 * Taken and not acknowledged yet, by offset: unfinished ones and ended ones behind
	 * them.
	 */
	private final NavigableMap<Long, Entry<C>> taken = new TreeMap<>();

	private int unfinished;

	/** Unfinished commands per repository (key). */
	private final Map<String, Integer> unfinishedOf = new HashMap<>();

	private boolean open = true;

	PartitionCommands(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("at least one command must be able to run, was " + capacity);
		}
		this.capacity = capacity;
	}

	/**
	 * A command taken from the partition. Returns whether it runs now: it waits while an
	 * earlier command of its repository has not ended ({@link #ended} starts it then).
	 */
	boolean taken(C command) {
		Entry<C> entry = new Entry<>(command);
		boolean runs = command.key() == null || !unfinishedOf.containsKey(command.key());
		entry.started = runs;
		taken.put(command.offset(), entry);
		unfinished++;
		if (command.key() != null) {
			unfinishedOf.merge(command.key(), 1, Integer::sum);
		}
		return runs;
	}

	/**
	 * A command that has ended (or was never run, as one that cannot be read): what ends
	 * with it. Nothing once the partition is no longer this instance's.
	 */
	Ended<C> ended(C command) {
		Entry<C> entry = taken.get(command.offset());
		if (!open || entry == null || entry.command != command || entry.ended) {
			return new Ended<>(null, List.of());
		}
		entry.ended = true;
		unfinished--;
		List<C> start = new ArrayList<>(1);
		if (command.key() != null && unfinishedOf.merge(command.key(), -1, Integer::sum) == 0) {
			unfinishedOf.remove(command.key());
		}
		else if (command.key() != null) {
			for (Entry<C> later : taken.tailMap(command.offset(), false).values()) {
				if (!later.ended && command.key().equals(later.command.key())) {
					if (!later.started) {
						later.started = true;
						start.add(later.command);
					}
					break;
				}
			}
		}
		C acknowledge = null;
		while (!taken.isEmpty() && taken.firstEntry().getValue().ended) {
			acknowledge = taken.pollFirstEntry().getValue().command;
		}
		return new Ended<>(acknowledge, start);
	}

	/** Whether the partition takes no more commands until one ends. */
	boolean full() {
		return unfinished >= capacity || backlogged();
	}

	/**
	 * Whether the partition holds as many commands as it may leave uncommitted, most of
	 * them ended behind the first, which still runs.
	 */
	boolean backlogged() {
		return taken.size() >= capacity * BACKLOG;
	}

	/** The first command taken and not ended: the one every later offset waits for. */
	C oldest() {
		return taken.isEmpty() ? null : taken.firstEntry().getValue().command;
	}

	/** Whether the command at {@code offset} is taken and not yet acknowledged here. */
	boolean holds(long offset) {
		return open && taken.containsKey(offset);
	}

	/** Whether {@code command} is still this instance's to run. */
	boolean owns(C command) {
		Entry<C> entry = taken.get(command.offset());
		return open && entry != null && entry.command == command && !entry.ended;
	}

	/**
	 * The partition is no longer this instance's: the unfinished commands it had started,
	 * to cancel. Nothing is acknowledged from now on.
	 */
	List<C> close() {
		open = false;
		List<C> started = new ArrayList<>();
		taken.values().stream().filter(entry -> entry.started && !entry.ended).forEach(e -> started.add(e.command));
		taken.clear();
		unfinished = 0;
		return started;
	}

	private boolean running(String key) {
		return key != null
				&& taken.values().stream().anyMatch(entry -> !entry.ended && key.equals(entry.command.key()));
	}

	/**
	 * What a command's end brought: the command whose offset to acknowledge (the last of
	 * those ended in a row from the first taken; {@code null} when an earlier one still
	 * runs), and the commands of its repository to start now.
	 */
	record Ended<C>(C acknowledge, List<C> start) {
	}

	private static final class Entry<C> {

		final C command;

		boolean started;

		boolean ended;

		Entry(C command) {
			this.command = command;
		}

	}

}

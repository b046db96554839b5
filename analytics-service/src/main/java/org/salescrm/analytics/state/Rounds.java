package org.salescrm.analytics.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salescrm.events.DomainEvent;

/**
 * Splits a batch into rounds that can each be written with one statement per kind of event: a round holds at
 * most one event per customer (the partition key), and a customer's n-th event of the batch is in round n. So
 * the rounds, applied in turn, write what the events applied one by one would: every fact row belongs to one
 * customer, so no statement touches a row twice, and each customer's events keep their order. Rows of many
 * customers (a rep's daily counters) are only ever added to, in any order.
 */
public final class Rounds {

    private Rounds() {
    }

    public static List<List<DomainEvent>> byCustomer(List<DomainEvent> events) {
        List<List<DomainEvent>> rounds = new ArrayList<>();
        Map<UUID, Integer> seen = new HashMap<>();
        for (DomainEvent event : events) {
            int round = seen.merge(event.partitionKey(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(event);
        }
        return rounds;
    }

    /** The round's events of one type, in order. */
    public static <T> List<T> only(List<DomainEvent> round, Class<T> type) {
        return round.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

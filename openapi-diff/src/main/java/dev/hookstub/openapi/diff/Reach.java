package dev.hookstub.openapi.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which operations reach which compared schema pair, so that a shared (and possibly recursive) component is
 * compared once per direction, yet each change in it names every operation it reaches. A large document (GitHub's
 * reaches the same user schema from hundreds of operations) would otherwise be walked once per path into it.
 */
final class Reach {

    /** A pair of schemas compared in one direction; pointers after {@code $ref} resolution. */
    record Pair(String oldPointer, String newPointer, Direction direction) {
    }

    private record Found(DiffRule rule, String pointer, String message) {
    }

    private final Map<Pair, Set<Pair>> parents = new HashMap<>();
    private final Map<Pair, Set<String>> rootOperations = new HashMap<>();
    private final Map<Pair, List<Found>> found = new LinkedHashMap<>();
    private final Set<Pair> visited = new HashSet<>();
    private final Map<String, Change> changes = new LinkedHashMap<>();

    /** True the first time {@code pair} is seen: the caller compares it then, and never again. */
    boolean visit(Pair pair) {
        return visited.add(pair);
    }

    void root(String operation, Pair pair) {
        rootOperations.computeIfAbsent(pair, p -> new TreeSet<>()).add(operation);
    }

    void link(Pair parent, Pair child) {
        parents.computeIfAbsent(child, p -> new HashSet<>()).add(parent);
    }

    void found(Pair at, DiffRule rule, String pointer, String message) {
        found.computeIfAbsent(at, p -> new ArrayList<>()).add(new Found(rule, pointer, message));
    }

    /** A change outside the schemas, on the operations given; the same change on more operations is merged. */
    void change(DiffRule rule, List<String> operations, String pointer, String message) {
        add(new Change(rule, operations, pointer, message));
    }

    private void add(Change change) {
        String key = change.rule().id() + "\n" + change.pointer() + "\n" + change.message();
        changes.merge(key, change, (a, b) -> {
            Set<String> operations = new TreeSet<>(a.operations());
            operations.addAll(b.operations());
            return new Change(a.rule(), List.copyOf(operations), a.pointer(), a.message());
        });
    }

    List<Change> changes() {
        found.forEach((pair, list) -> {
            List<String> operations = List.copyOf(operationsReaching(pair));
            list.forEach(f -> add(new Change(f.rule(), operations, f.pointer(), f.message())));
        });
        found.clear();
        return List.copyOf(changes.values());
    }

    /** Every operation from which {@code pair} is reached, through any chain of parents (cycles included). */
    private Set<String> operationsReaching(Pair pair) {
        Set<String> operations = new TreeSet<>();
        Set<Pair> seen = new HashSet<>();
        Deque<Pair> todo = new ArrayDeque<>();
        todo.add(pair);
        seen.add(pair);
        while (!todo.isEmpty()) {
            Pair next = todo.poll();
            operations.addAll(rootOperations.getOrDefault(next, Set.of()));
            for (Pair parent : parents.getOrDefault(next, Set.of())) {
                if (seen.add(parent)) {
                    todo.add(parent);
                }
            }
        }
        return operations;
    }
}

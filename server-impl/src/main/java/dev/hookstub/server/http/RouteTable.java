package dev.hookstub.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes the front door has open, longest context path first, and the paths under them that are not theirs
 * (the spec documents, e.g. {@code /mollie/openapi.json}). Immutable: a route opens by replacing the table.
 */
record RouteTable(List<FrontDoor.Route> routes, Set<String> fallbackPaths) {

    static final RouteTable EMPTY = new RouteTable(List.of(), Set.of());

    RouteTable with(FrontDoor.Route route, Set<String> notTheRoutes) {
        List<FrontDoor.Route> more = new ArrayList<>(routes);
        more.add(route);
        more.sort(Comparator.comparingInt((FrontDoor.Route r) -> r.contextPath().length()).reversed());
        Set<String> paths = new HashSet<>(fallbackPaths);
        paths.addAll(notTheRoutes);
        return new RouteTable(List.copyOf(more), Set.copyOf(paths));
    }

    /** The route whose context path the path lies under, or null. */
    FrontDoor.Route route(String path) {
        if (path == null) {
            return null;
        }
        for (FrontDoor.Route route : routes) {
            String context = route.contextPath();
            if (path.startsWith(context) && (path.length() == context.length() || path.charAt(context.length()) == '/')
                    && !fallbackPaths.contains(path)) {
                return route;
            }
        }
        return null;
    }
}

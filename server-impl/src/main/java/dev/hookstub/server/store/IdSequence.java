package dev.hookstub.server.store;

/** Ids handed out in order (Partoo's integers): shared by every instance that shares the store. */
public interface IdSequence {

    /** The next id: one past the highest handed out or taken so far; {@link Long#MAX_VALUE} once they run out. */
    long next();

    /** An id given explicitly was taken: later ones come after it. */
    void taken(long id);

    /** Starts again from 1, as after a reset. */
    void restart();
}

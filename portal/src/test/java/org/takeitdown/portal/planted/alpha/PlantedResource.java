package org.takeitdown.portal.planted.alpha;

/** A planted resource calling a store directly (breaks "resources never call stores"). */
public class PlantedResource {
    private final PlantedStore store = new PlantedStore();

    public Object get() throws java.sql.SQLException {
        return store.find(null);
    }
}

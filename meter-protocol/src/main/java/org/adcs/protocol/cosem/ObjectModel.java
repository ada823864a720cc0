package org.adcs.protocol.cosem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects a logical device exposes, by logical name, in a stable order for the object list. */
public final class ObjectModel {
    private final Map<ObisCode, CosemObject> objects = new LinkedHashMap<>();

    public ObjectModel add(CosemObject object) {
        if (objects.putIfAbsent(object.logicalName(), object) != null) {
            throw new IllegalArgumentException("duplicate logical name " + object.logicalName());
        }
        return this;
    }

    public Optional<CosemObject> find(ObisCode logicalName) {
        return Optional.ofNullable(objects.get(logicalName));
    }

    public List<CosemObject> objects() {
        return Collections.unmodifiableList(new ArrayList<>(objects.values()));
    }
}

package org.adcs.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The strategic-merge subset the overlays rely on, as kustomize applies it. */
class StrategicMergeTest {

    private static ObjectNode yaml(String text) throws Exception {
        return (ObjectNode) KustomizeRenderer.YAML.readTree(text);
    }

    @Test
    void mergesListsOnTheirKeysAndReplacesTheRest() throws Exception {
        ObjectNode target = yaml("""
                containers:
                  - name: a
                    args: [x, y]
                    env: [{name: A, value: "1"}, {name: B, value: "2"}]
                    ports: [{name: http, containerPort: 8080}]
                    volumeMounts: [{name: tls, mountPath: /tls}]
                """);
        StrategicMerge.apply(target, yaml("""
                containers:
                  - name: a
                    args: [z]
                    env: [{name: B, value: "3"}, {name: C, value: "4"}]
                    ports: [{containerPort: 8080, protocol: TCP}, {name: meters, containerPort: 4059}]
                    volumeMounts: [{name: other, mountPath: /tls, readOnly: true}]
                  - name: b
                    image: i
                """));
        assertEquals(yaml("""
                containers:
                  - name: a
                    args: [z]
                    env: [{name: A, value: "1"}, {name: B, value: "3"}, {name: C, value: "4"}]
                    ports: [{name: http, containerPort: 8080, protocol: TCP}, {name: meters, containerPort: 4059}]
                    volumeMounts: [{name: other, mountPath: /tls, readOnly: true}]
                  - name: b
                    image: i
                """), target);
    }

    @Test
    void refusesAMergeListElementWithoutItsKey() throws Exception {
        ObjectNode target = yaml("env: [{name: A, value: \"1\"}]");
        assertThrows(IllegalArgumentException.class, () -> StrategicMerge.apply(target, yaml("env: [{value: \"2\"}]")));
    }
}

package org.adcs.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kustomization under src/test/resources/broken/ is the real base with one deliberate mistake;
 * validation reports exactly that mistake, and nothing else.
 */
class BrokenManifestsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            typo-field           | StatefulSet/head-end: spec.template.spec.containers[0].readinesProbe is not a field of Container
            wrong-type           | StatefulSet/head-end: spec.replicas: Cannot coerce String value ("three") to `java.lang.Integer` value
            string-for-number    | ConfigMap/head-end: data.ADCS_HTTP_PORT: Cannot coerce Integer value (8080) to `java.lang.String` value
            bad-quantity         | StatefulSet/head-end: spec.template.spec.containers[0].resources.limits.memory is not a quantity: '4 GB'
            missing-required     | Service/head-end-debug: spec.ports[0].port is required
            missing-image        | Job/probe-check: spec.template.spec.containers[0].image is required
            probe-port           | StatefulSet/head-end: container head-end readinessProbe uses port 9558, which the container does not expose
            probe-port-name      | StatefulSet/head-end: container head-end livenessProbe uses port admin, which the container does not expose
            selector-mismatch    | StatefulSet/head-end: spec.selector {app.kubernetes.io/name=head-end, app.kubernetes.io/component=node} does not match spec.template.metadata.labels {app.kubernetes.io/name=head-end}
            service-selector     | Service/head-end: spec.selector {app.kubernetes.io/name=headend} matches no pod template here
            job-restarts         | Job/probe-check: a Job's spec.template.spec.restartPolicy must be Never or OnFailure, was Always
            """)
    void reportsTheMistake(String name, String expected) {
        List<String> violations = ManifestValidator.validate(KustomizeRenderer.render(Path.of("src/test/resources/broken", name)));
        System.out.println(name + ": " + violations);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith(expected), violations.get(0));
    }
}

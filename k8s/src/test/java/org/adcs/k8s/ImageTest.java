package org.adcs.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** The manifests run the image head-end's -Pimage build makes, and their container ports are the ones it declares. */
class ImageTest {
    private static final Path HEAD_END_POM = Path.of("../head-end/pom.xml");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/demo", "overlays/bootstrap"})
    void containersRunTheBuiltImage(String kustomization) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(HEAD_END_POM.toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String profile = "/project/profiles/profile[id='image']";
        String image = xpath.evaluate(profile + "/properties/image", pom);
        assertFalse(image.isBlank(), "head-end's image profile names its image");
        Set<Integer> imagePorts = new TreeSet<>();
        var ports = (org.w3c.dom.NodeList) xpath.evaluate(profile + "//container/ports/port", pom, javax.xml.xpath.XPathConstants.NODESET);
        for (int i = 0; i < ports.getLength(); i++) {
            imagePorts.add(Integer.parseInt(ports.item(i).getTextContent().trim()));
        }
        for (var o : KustomizeRenderer.render(Path.of(kustomization))) {
            for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
                assertEquals(image, c.path("image").asText(), o.path("metadata").path("name") + " container " + c.path("name"));
                if (c.has("ports")) {
                    Set<Integer> declared = new TreeSet<>();
                    c.path("ports").forEach(p -> declared.add(p.path("containerPort").asInt()));
                    assertEquals(imagePorts, declared, "container " + c.path("name") + " ports");
                }
            }
        }
    }
}

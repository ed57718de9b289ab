package org.intertrust.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Keeps the architecture rules complete as modules are added: the rules see only the classes of
 * modules that {@code arch-tests} depends on, so every jar module of the build must be one of its
 * dependencies.
 */
class ModuleCoverageTest {
  private static final String THIS_MODULE = "arch-tests";

  @Test
  void archTests_dependOnEveryJarModuleOfTheBuild() throws Exception {
    Path root = repositoryRoot();
    Element archTestsPom = parse(root.resolve(THIS_MODULE).resolve("pom.xml"));
    List<String> dependencies =
        texts(requiredChild(archTestsPom, "dependencies"), "dependency", "artifactId");
    List<String> missing = new ArrayList<>();
    for (String module : moduleNames(root)) {
      Element pom = parse(root.resolve(module).resolve("pom.xml"));
      String artifactId = requiredChild(pom, "artifactId").getTextContent().trim();
      if (!module.equals(THIS_MODULE) && isJar(pom) && !dependencies.contains(artifactId)) {
        missing.add(artifactId);
      }
    }
    assertEquals(
        List.of(),
        missing,
        "add these modules as test dependencies of arch-tests so that the rules check them");
  }

  private static List<String> moduleNames(Path root)
      throws ParserConfigurationException, SAXException, IOException {
    List<String> modules = new ArrayList<>();
    for (Node node = requiredChild(parse(root.resolve("pom.xml")), "modules").getFirstChild();
        node != null;
        node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals("module")) {
        modules.add(node.getTextContent().trim());
      }
    }
    return modules;
  }

  /** The repository root, whether the tests run in {@code arch-tests} (Maven) or at the root. */
  private static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    Path root = here.endsWith(THIS_MODULE) ? here.getParent() : here;
    assertTrue(Files.isRegularFile(root.resolve(THIS_MODULE).resolve("pom.xml")), root.toString());
    return root;
  }

  private static boolean isJar(Element pom) {
    return child(pom, "packaging")
        .map(packaging -> packaging.getTextContent().trim().equals("jar"))
        .orElse(true);
  }

  private static Element parse(Path pom)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
  }

  private static Optional<Element> child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        return Optional.of((Element) node);
      }
    }
    return Optional.empty();
  }

  private static Element requiredChild(Element parent, String name) {
    return child(parent, name)
        .orElseThrow(
            () -> new AssertionError("<" + name + "> missing in <" + parent.getTagName() + ">"));
  }

  /** The text of {@code grandchild} in each {@code child} element of {@code parent}. */
  private static List<String> texts(Element parent, String child, String grandchild) {
    List<String> texts = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(child)) {
        texts.add(requiredChild((Element) node, grandchild).getTextContent().trim());
      }
    }
    return texts;
  }
}

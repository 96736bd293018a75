package dev.hookstub.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.checks.CaseFailure;
import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RecordedRequest;
import dev.hookstub.conformance.checks.RecordedResponse;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.openapi.Violation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {

    private static final String TARGET = "http://127.0.0.1:1/x";
    private static final String INJECTED = "<script>alert(1)</script>";
    private static final String DOCTYPE = "<!DOCTYPE html>";

    private static String html;
    private static Document dom;

    @BeforeAll
    static void render() throws Exception {
        CaseFailure failure = new CaseFailure("valid example <1>",
                new RecordedRequest("POST", TARGET + "/webhooks?name=" + INJECTED,
                        Map.of("Authorization", "Bearer ***", "Content-Type", "application/json"),
                        "{\"name\":\"" + INJECTED + "\"}"),
                new RecordedResponse(201, "application/json", null, "{\"id\":7,\"name\":\"" + INJECTED + "\"}",
                        "{\"id\":7,\"name\":\"" + INJECTED + "\"}", Map.of(), null),
                "the body is not valid against the schema",
                List.of(new Violation(Violation.RESPONSE_SCHEMA_CONFORMANCE, "/name",
                        "must be at most 3 characters, \"x\" & 'y'")));
        List<CheckResult> results = List.of(
                new CheckResult("mollie", "create-webhook", "POST /webhooks", Check.NOT_A_SERVER_ERROR,
                        Outcome.PASSED, 5, 3, null, List.of(), 0),
                new CheckResult("mollie", "create-webhook", "POST /webhooks", Check.IGNORED_AUTH,
                        Outcome.SKIPPED, 0, 0, "the operation is not <secured>", List.of(), 0),
                new CheckResult("mollie", "create-webhook", "POST /webhooks", Check.RESPONSE_SCHEMA_CONFORMANCE,
                        Outcome.FAILED, 5, 4, null, List.of(failure), 0));
        RunResult run = new RunResult("mollie", new RunSettings(4242, 8, true, java.util.EnumSet.allOf(Check.class)), TARGET, false, 1, 5, 12, results);
        List<CoverageRow> coverage = List.of(
                new CoverageRow("mollie", "create-webhook", "201", "PROVOKED", ""),
                new CoverageRow("mollie", "create-webhook", "409", "MISSING", "no <conflict> & no way"));
        html = HtmlReport.render(List.of(run), coverage, List.of("create-webhook 409 was not <provoked>"),
                "enforced & failed");
        dom = parse(html);
    }

    @Test
    void isOneWellFormedDocument() {
        assertTrue(html.startsWith(DOCTYPE + "\n"), html);
        assertTrue(html.strip().endsWith("</html>"), html);
        assertEquals("html", dom.getDocumentElement().getTagName());
        assertEquals(1, dom.getElementsByTagName("head").getLength());
        assertEquals(1, dom.getElementsByTagName("body").getLength());
        assertEquals(1, dom.getElementsByTagName("style").getLength());
    }

    @Test
    void referencesNothingOutsideThePage() {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("<link", "<script", "<img", "<iframe", "<object", "<embed", "@import", "url(",
                "src=", "srcset=", "action=", "xmlns")) {
            assertFalse(lower.contains(forbidden), forbidden);
        }
        Matcher href = Pattern.compile("href\\s*=\\s*(.)").matcher(lower);
        int links = 0;
        while (href.find()) {
            assertTrue(lower.startsWith("\"#", href.start(1)), lower.substring(href.start(), href.start() + 40));
            links++;
        }
        assertTrue(links > 0, "the page links within itself");
        for (Attr attribute : attributes()) {
            String value = attribute.getValue().toLowerCase(Locale.ROOT);
            assertFalse(value.contains("http:") || value.contains("https:") || value.contains("//"),
                    attribute.getName() + "=" + value);
            if (attribute.getName().equals("href")) {
                assertTrue(value.startsWith("#"), value);
            }
        }
        String csp = meta("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
    }

    @Test
    void urlsFromTheRunAppearOnlyAsText() {
        for (String scheme : List.of("http://", "https://")) {
            for (int at = html.indexOf(scheme); at >= 0; at = html.indexOf(scheme, at + 1)) {
                assertTrue(html.lastIndexOf('>', at) > html.lastIndexOf('<', at),
                        "inside a tag: " + html.substring(Math.max(0, at - 60), at + 20));
            }
        }
        assertTrue(html.contains("Checked at <code>" + TARGET + "</code>"), html);
        assertTrue(html.contains("POST " + TARGET + "/webhooks?name=&lt;script&gt;"), html);
    }

    @Test
    void injectedMarkupIsOnlyEverText() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(dom.getDocumentElement().getTextContent().contains(INJECTED), "decodes back to the data");
        assertTrue(html.contains("must be at most 3 characters, &quot;x&quot; &amp; &#39;y&#39;"), html);
        assertTrue(html.contains("valid example &lt;1&gt;"), html);
        assertTrue(html.contains("no &lt;conflict&gt; &amp; no way"), html);
        assertTrue(html.contains("create-webhook 409 was not &lt;provoked&gt;"), html);
        assertTrue(html.contains("enforced &amp; failed"), html);
    }

    @Test
    void showsTheHeaderAndTheSummary() {
        assertTrue(html.contains("Seed <code>4242</code> (replay: <code>--seed 4242</code>, in the suite <code>-Dconformance.seed=4242</code>), "
                + "8 generated valid requests per operation."), html);
        assertFalse(html.contains("read-only"), "not a read-only run");
        Element summary = (Element) dom.getElementsByTagName("tbody").item(0);
        Element row = (Element) summary.getElementsByTagName("tr").item(0);
        assertEquals("mollie 1 3 1 1 0 1 5 12 ms", cells(row),
                "spec operations checks passed failed errors skipped requests");
    }

    @Test
    void colorsTheMatrixAndLinksEachFailCellToItsFailure() {
        assertTrue(html.contains("<td class=\"pass\">pass (5)</td>"), html);
        assertTrue(html.contains("<td class=\"skip\" title=\"the operation is not &lt;secured&gt;\">skip</td>"), html);
        assertTrue(html.contains("<li>the operation is not &lt;secured&gt; (1): <code>ignored_auth</code> of "
                + "<code>create-webhook</code></li>"), html);
        Matcher fail = Pattern.compile("<td class=\"fail\"><a href=\"#([^\"]+)\">FAIL \\(1/5\\)</a></td>")
                .matcher(html);
        assertTrue(fail.find(), html);
        String anchor = fail.group(1);
        assertFalse(fail.find(), "one failing check, one FAIL cell");
        Element target = byId().get(anchor);
        assertNotNull(target, "no element with id " + anchor);
        assertEquals("section", target.getTagName());
        String failure = target.getTextContent();
        assertTrue(failure.contains("create-webhook \u00b7 response_schema_conformance (1 of 5)"), failure);
        assertTrue(failure.contains("Authorization: Bearer ***"), failure);
        assertTrue(failure.contains("Content-Type: application/json"), failure);
        assertTrue(failure.contains("{\"name\":\"" + INJECTED + "\"}"), "the request body");
        assertTrue(failure.contains("201 application/json{\"id\":7,"), failure);
        assertTrue(failure.contains("/name: must be at most 3 characters"), failure);
        assertTrue(html.contains("<li><code>/name</code>: "), html);
        assertEquals(1, target.getElementsByTagName("details").getLength());
        assertEquals(1, target.getElementsByTagName("summary").getLength());
    }

    @Test
    void everyInPageLinkHasItsTargetAndIdsAreUnique() {
        Map<String, Element> ids = byId();
        for (Attr attribute : attributes()) {
            if (attribute.getName().equals("href")) {
                assertTrue(ids.containsKey(attribute.getValue().substring(1)), attribute.getValue());
            }
        }
    }

    @Test
    void listsTheCoverage() {
        Element coverage = byId().get("coverage");
        assertNotNull(coverage);
        String text = coverage.getTextContent();
        assertTrue(text.contains("Coverage of declared responses"), text);
        assertTrue(html.contains("<td class=\"pass\">PROVOKED</td>"), html);
        assertTrue(html.contains("<td class=\"fail\">MISSING</td>"), html);
    }

    @Test
    void anEmptyRunIsStillAPage() throws Exception {
        String empty = Reports.html(List.of());
        parse(empty);
        assertTrue(empty.contains("No check ran."), empty);
        assertTrue(empty.contains("The coverage gate did not run."), empty);
    }

    /** As XML, which the report's markup also is; the doctype is left out so that no DTD is looked for. */
    private static Document parse(String page) throws Exception {
        assertTrue(page.startsWith(DOCTYPE), page);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(page.substring(DOCTYPE.length()))));
    }

    private static List<Attr> attributes() {
        List<Attr> all = new ArrayList<>();
        NodeList elements = dom.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            NamedNodeMap attributes = elements.item(i).getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                all.add((Attr) attributes.item(j));
            }
        }
        return all;
    }

    private static Map<String, Element> byId() {
        Map<String, Element> ids = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        NodeList elements = dom.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.hasAttribute("id") && ids.put(element.getAttribute("id"), element) != null) {
                duplicates.add(element.getAttribute("id"));
            }
        }
        assertEquals(Set.of(), duplicates);
        return ids;
    }

    private static String meta(String httpEquiv) {
        NodeList metas = dom.getElementsByTagName("meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            if (meta.getAttribute("http-equiv").equals(httpEquiv)) {
                return meta.getAttribute("content");
            }
        }
        throw new AssertionError("no meta " + httpEquiv);
    }

    private static String cells(Element row) {
        List<String> texts = new ArrayList<>();
        NodeList cells = row.getChildNodes();
        for (int i = 0; i < cells.getLength(); i++) {
            texts.add(cells.item(i).getTextContent());
        }
        return String.join(" ", texts);
    }
}

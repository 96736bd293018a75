package dev.hookstub.conformance.report;

import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RunResult;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report in JUnit XML, the format CI servers read: one {@code testsuite} per spec, one {@code testcase} per
 * operation and check, named like the suite's dynamic tests ({@code <api> <operationId> <check>}).
 */
final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    static String render(List<RunResult> runs) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "hookstub conformance");
            xml.writeAttribute("tests", Long.toString(runs.stream().mapToLong(r -> r.results().size()).sum()));
            xml.writeAttribute("failures", Long.toString(runs.stream().mapToLong(r -> r.count(Outcome.FAILED)).sum()));
            xml.writeAttribute("skipped", Long.toString(runs.stream().mapToLong(r -> r.count(Outcome.SKIPPED)).sum()));
            xml.writeAttribute("errors", Long.toString(runs.stream().mapToLong(r -> r.count(Outcome.ERROR)).sum()));
            for (RunResult run : runs) {
                suite(xml, run);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    private static void suite(XMLStreamWriter xml, RunResult run) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "conformance." + run.spec());
        xml.writeAttribute("tests", Integer.toString(run.results().size()));
        xml.writeAttribute("failures", Long.toString(run.count(Outcome.FAILED)));
        xml.writeAttribute("skipped", Long.toString(run.count(Outcome.SKIPPED)));
        xml.writeAttribute("errors", Long.toString(run.count(Outcome.ERROR)));
        xml.writeAttribute("time", seconds(run.elapsedMillis()));
        xml.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        if (run.settings().observed()) {
            property(xml, "observed", "hookstub proxy");
        } else {
            property(xml, "seed", Long.toString(run.settings().seed()));
        }
        property(xml, "target", run.target());
        property(xml, "readOnly", Boolean.toString(run.readOnly()));
        property(xml, "requests", Integer.toString(run.cases()));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (CheckResult result : run.results()) {
            testcase(xml, result);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void testcase(XMLStreamWriter xml, CheckResult result) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "conformance." + result.spec() + "." + result.operationId());
        xml.writeAttribute("name", result.displayName());
        xml.writeAttribute("time", seconds(result.elapsedMillis()));
        if (result.outcome() == Outcome.FAILED) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", result.check().checkName());
            xml.writeAttribute("message", result.firstReason());
            xml.writeCharacters(result.failureText());
            xml.writeEndElement();
        } else if (result.outcome() == Outcome.ERROR) {
            xml.writeEmptyElement("error");
            xml.writeAttribute("type", "engine");
            xml.writeAttribute("message", result.skipReason());
        } else if (result.outcome() == Outcome.SKIPPED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", result.skipReason());
        }
        xml.writeEndElement();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}

#!/usr/bin/env python3
"""Writes the demo's binary samples (.docx, .odt, .pdf) from the text below.

DOCX and ODT are hand-written XML zipped with the standard library; the PDFs are made with
reportlab (pip install reportlab). Fixed timestamps and reportlab's invariant mode make the
output byte-for-byte repeatable. Run from anywhere: python3 samples/tools/make_samples.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
STAMP = (2026, 1, 1, 0, 0, 0)

# Each document: a list of (kind, text) with kind "title", "subtitle", "heading", "para" or "item".
SOFIA = [
    ("title", "Sofia Marchetti"),
    ("subtitle", "Product Designer \u00b7 Milan, Italy \u00b7 sofia.marchetti@example.com \u00b7 +39 02 5550 7731"),
    ("heading", "About me"),
    ("para", "Product designer with six years of experience on mobile banking and travel apps. "
             "I turn research into flows people finish, and I like working in small teams where "
             "designers write and engineers sketch."),
    ("heading", "Experience"),
    ("para", "Senior Product Designer, Lanterna Apps, Milan (May 2022 \u2013 present)"),
    ("item", "Redesigned the onboarding of a travel app with 1.2 million users; completion rose from 58% to 81%."),
    ("item", "Set up the Figma design system and a monthly research day with customer support."),
    ("para", "Product Designer, Studio Pietrabianca, Turin (September 2019 \u2013 April 2022)"),
    ("item", "Designed mobile banking features for two regional banks, from discovery to hand-off."),
    ("item", "Ran 60+ usability sessions and built the studio's interview guide."),
    ("heading", "Education"),
    ("para", "Master's degree in Interaction Design, Accademia Lombarda di Design, 2017 \u2013 2019"),
    ("para", "Bachelor's degree in Communication Design, Universit\u00e0 del Lago, 2014 \u2013 2017"),
    ("heading", "Skills"),
    ("para", "Figma, prototyping, user research, usability testing, design systems, interaction design, "
             "accessibility, HTML and CSS basics"),
    ("heading", "Languages"),
    ("para", "Italian (native), English (fluent), Spanish (intermediate)"),
]

DIEGO = [
    ("title", "Diego Ferreira"),
    ("subtitle", "iOS Engineer \u00b7 Porto, Portugal \u00b7 diego.ferreira@example.com \u00b7 +351 555 301 992"),
    ("heading", "Summary"),
    ("para", "iOS engineer with eight years of experience building native apps in Swift. Enjoys offline-first "
             "design, careful concurrency and apps that stay fast on five-year-old phones."),
    ("heading", "Experience"),
    ("para", "Lead iOS Engineer, Mares Mobile, Porto (February 2021 \u2013 present)"),
    ("item", "Leads four engineers on a fishing-fleet logbook app used offline at sea; crash-free sessions at 99.8%."),
    ("item", "Moved the app from callbacks to Swift concurrency and SwiftUI, removing 30% of the code."),
    ("para", "iOS Developer, Quintal Labs, Lisbon (March 2017 \u2013 January 2021)"),
    ("item", "Built a grocery delivery app and its widget from the first commit to 400,000 downloads."),
    ("item", "Wrote the team's snapshot and UI test setup on CI."),
    ("heading", "Education"),
    ("para", "MSc Informatics Engineering, Instituto Superior do Atl\u00e2ntico, 2015 \u2013 2017"),
    ("heading", "Skills"),
    ("para", "Swift, SwiftUI, UIKit, Core Data, SQLite, XCTest, Combine, Kotlin (basic), CI/CD with Fastlane"),
    ("heading", "Languages"),
    ("para", "Portuguese (native), English (fluent), Spanish (good)"),
]

HARBORLINE = [
    ("title", "Backend Engineer (Go) \u2013 Harborline Systems"),
    ("subtitle", "Hamburg, Germany \u00b7 Hybrid (two office days a week) \u00b7 Full-time \u00b7 EUR 70,000 \u2013 85,000 a year"),
    ("heading", "About Harborline Systems"),
    ("para", "Harborline Systems builds the software that schedules container cranes and trucks in "
             "twelve European ports. Our platform plans 90,000 moves a day and must never stop."),
    ("heading", "Your responsibilities"),
    ("item", "Design and build Go services for the berth and yard planning platform."),
    ("item", "Own PostgreSQL schemas and queries for high-volume scheduling data."),
    ("item", "Run what you build on Kubernetes, including on-call one week in six."),
    ("item", "Review code and write design documents with the rest of the backend team."),
    ("heading", "What you bring"),
    ("item", "4+ years of backend development, at least 2 of them in Go."),
    ("item", "Solid SQL and experience tuning PostgreSQL."),
    ("item", "Experience with message queues such as Kafka or NATS."),
    ("item", "A bachelor degree in computer science or equivalent experience."),
    ("heading", "Skills"),
    ("para", "Required: Go, PostgreSQL, Kubernetes, REST and gRPC APIs. Preferred: Kafka, Terraform, Prometheus."),
    ("heading", "Benefits"),
    ("item", "28 days of paid leave plus 24 December and 31 December"),
    ("item", "Public transport pass and bike leasing"),
    ("item", "EUR 2,000 yearly learning budget"),
]

VERDANT = [
    ("title", "Data Analyst \u2013 Verdant Mutual"),
    ("subtitle", "Dublin, Ireland \u00b7 On site \u00b7 Full-time \u00b7 EUR 48,000 \u2013 56,000 a year \u00b7 Posted 2026-09-15"),
    ("heading", "The role"),
    ("para", "Verdant Mutual is a member-owned savings bank with 200,000 members. Our data team of six "
             "answers questions from every department, and we are hiring a data analyst to help "
             "lending and member services make better decisions."),
    ("heading", "Responsibilities"),
    ("item", "Build and maintain Power BI dashboards for lending and member services."),
    ("item", "Write SQL to answer ad-hoc questions and document the answers so they can be reused."),
    ("item", "Check data quality in monthly regulatory reports before they are filed."),
    ("heading", "Requirements"),
    ("item", "2+ years of experience as a data or business analyst."),
    ("item", "Strong SQL and spreadsheet skills; Python is a plus."),
    ("item", "A bachelor degree in statistics, economics, mathematics or a related field."),
    ("item", "Eligible to work in Ireland."),
    ("heading", "Skills"),
    ("para", "Required: SQL, Power BI, Excel. Preferred: Python, dbt."),
    ("heading", "What we offer"),
    ("item", "Pension contribution of 8%"),
    ("item", "Hybrid working after probation"),
]


def write_zip(path, members):
    """members: list of (name, text, stored) in order."""
    with zipfile.ZipFile(path, "w") as z:
        for name, text, stored in members:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def docx(path, blocks):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = []
    for kind, text in blocks:
        t = escape(text)
        if kind == "title":
            body.append(f'<w:p><w:r><w:rPr><w:b/><w:sz w:val="36"/></w:rPr><w:t>{t}</w:t></w:r></w:p>')
        elif kind == "heading":
            body.append(f'<w:p><w:pPr><w:spacing w:before="240"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="26"/></w:rPr><w:t>{t}</w:t></w:r></w:p>')
        elif kind == "item":
            body.append(f'<w:p><w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr><w:r><w:t xml:space="preserve">\u2022 {t}</w:t></w:r></w:p>')
        else:
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {w}><w:body>'
                + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    write_zip(path, [("[Content_Types].xml", types, False), ("_rels/.rels", rels, False), ("word/document.xml", document, False)])


def odt(path, blocks):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
    body = []
    items = []

    def flush():
        if items:
            body.append("<text:list>" + "".join(f"<text:list-item><text:p>{i}</text:p></text:list-item>" for i in items) + "</text:list>")
            items.clear()

    for kind, text in blocks:
        t = escape(text)
        if kind == "item":
            items.append(t)
            continue
        flush()
        if kind == "title":
            body.append(f'<text:h text:outline-level="1">{t}</text:h>')
        elif kind == "heading":
            body.append(f'<text:h text:outline-level="2">{t}</text:h>')
        else:
            body.append(f"<text:p>{t}</text:p>")
    flush()
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns} office:version="1.3">'
               "<office:body><office:text>" + "".join(body) + "</office:text></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text", True),
                     ("META-INF/manifest.xml", manifest, False), ("content.xml", content, False)])


def pdf(path, blocks, title):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    for kind, text in blocks:
        t = escape(text)
        if kind == "title":
            story.append(Paragraph(t, styles["Title"]))
        elif kind == "subtitle":
            story.append(Paragraph(t, styles["Normal"]))
            story.append(Spacer(1, 8))
        elif kind == "heading":
            story.append(Paragraph(t, styles["Heading2"]))
        elif kind == "item":
            story.append(Paragraph(t, styles["Normal"], bulletText="\u2022"))
        else:
            story.append(Paragraph(t, styles["Normal"]))
    doc = SimpleDocTemplate(path, pagesize=A4, title=title, author="brain demo", invariant=1)
    doc.build(story)


if __name__ == "__main__":
    docx(os.path.join(SAMPLES, "resumes", "sofia-marchetti.docx"), SOFIA)
    pdf(os.path.join(SAMPLES, "resumes", "diego-ferreira.pdf"), DIEGO, "Diego Ferreira - iOS Engineer")
    odt(os.path.join(SAMPLES, "jobs", "harborline-backend-engineer.odt"), HARBORLINE)
    pdf(os.path.join(SAMPLES, "jobs", "verdant-data-analyst.pdf"), VERDANT, "Data Analyst - Verdant Mutual")

/// How RTF control words change what happens to the text that follows.
enum RTFDestinations {
    /// Destinations whose whole group is skipped (fonts, colours, styles, metadata, pictures...).
    static let skipped: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
        "footer", "footerl", "footerr", "footerf", "fldinst", "listtable", "listoverridetable", "revtbl",
        "rsidtbl", "filetbl", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore",
        "generator", "bkmkstart", "bkmkend", "datafield", "formfield", "nonshppict", "sp", "sn", "sv",
        "template", "userprops", "docvar", "pgdsctbl", "pntxta", "pntxtb", "xe", "tc",
        "annotation", "atnid", "atnauthor", "atrfstart", "atrfend", "atnref", "atndate", "fontemb", "fontfile",
        "objdata", "objclass", "objname", "mmathPr", "wgrffmtfilter", "author", "operator", "title", "subject",
        "keywords", "comment", "doccomm", "company", "category", "manager", "hlinkbase", "falt", "panose",
        "leveltext", "pn", "levelnumbers", "protusertbl", "txe", "private", "blipuid", "shpinst", "shppict",
    ]

    /// Characters written by single control words.
    static let characters: [String: String] = [
        "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "nestrow": "\n",
        "tab": "\t", "cell": "\t", "nestcell": "\t",
        "emdash": "\u{2014}", "endash": "\u{2013}", "lquote": "\u{2018}", "rquote": "\u{2019}",
        "ldblquote": "\u{201C}", "rdblquote": "\u{201D}", "bullet": "\u{2022}", "emspace": "\u{2003}",
        "enspace": "\u{2002}", "qmspace": "\u{2005}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "ltrmark": "", "rtlmark": "", "zwbo": "\u{200B}", "zwnbo": "\u{FEFF}",
    ]
}

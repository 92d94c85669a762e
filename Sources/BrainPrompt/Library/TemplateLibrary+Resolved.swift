extension TemplateLibrary {
    /// A library of already resolved templates (for example one version rebuilt from the store).
    public init(resolved: [ResolvedTemplate]) {
        self.init(templates: Dictionary(resolved.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last }), files: [:])
    }
}

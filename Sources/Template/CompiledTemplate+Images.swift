import DocumentModel

extension RenderContext {
    /// The picture of an `<image>`: read when the template was parsed, or now from what its
    /// `src` gives (a file in the template folder or a `data:` URI). Nil when `src` gives
    /// nothing (no picture is shown) or after reporting a problem.
    mutating func image(_ node: ImageNode) -> Image? {
        let data: ImageData
        switch node.source {
        case .file(let loaded):
            data = loaded
        case .reference(let located):
            let reference = string(located.value, location: located.location)
            if reference.isEmpty { return nil }
            if let loaded = loadedImages[reference] {
                data = loaded
            } else {
                do {
                    data = try ImageFile.load(reference, folder: template.definition.folder, limits: template.limits.imageLimits)
                } catch {
                    let shown = reference.hasPrefix("data:") ? String(reference.prefix(30)) + "…" : String(reference.prefix(60))
                    let suggestion = error.message.contains("bytes; the limit is") || error.message.contains("larger than")
                        ? "use a smaller image, or raise Limits.maxImageSize" : error.suggestion
                    fail("render.image", "the image \(source(of: located.value))'\(shown)': \(error.message)", at: located.location,
                         suggestion: suggestion)
                    return nil
                }
                loadedImages[reference] = data
            }
        }
        imageCount += 1
        guard imageCount <= template.limits.maxImages else {
            if imageCount == template.limits.maxImages + 1 {
                fail("limit.images", "the document shows more than \(template.limits.maxImages) images", at: node.location,
                     suggestion: "a picture repeated by each counts once per repetition; raise Limits.maxImages if the data is really that large")
            }
            return nil
        }
        let alternativeText: String
        switch node.alternativeText {
        case .attribute(let text): alternativeText = string(text, location: node.location)
        case .content(let nodes): alternativeText = normalized(inlines(nodes)).plainText
        }
        var image = Image(data, width: node.width, height: node.height, alternativeText: alternativeText)
        // A picture without a size is shown at 96 pixels per inch, but never wider than the
        // text: a 4000-pixel photo from data would otherwise run a metre off the page.
        if node.width == nil, node.height == nil, image.width > textWidth {
            image = Image(data, width: textWidth, alternativeText: alternativeText)
        }
        return image
    }

    /// `of data path 'child.photo' ` when `src` is one expression on a path, for the message.
    private func source(of reference: Interpolation) -> String {
        let expressions = reference.segments.compactMap { segment -> Expression? in
            if case .expression(let e, _) = segment { return e } else { return nil }
        }
        guard expressions.count == 1 else { return "" }
        return "of '\(describe(expressions[0]))' "
    }
}

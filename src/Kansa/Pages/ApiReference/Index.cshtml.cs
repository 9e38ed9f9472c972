using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kansa.Pages.ApiReference;

/// <summary>/openapi: the API's reference, rendered on the server from the same OpenAPI document as /openapi/v1.json (no script, nothing from outside).</summary>
[AllowAnonymous]
public sealed class IndexModel([FromKeyedServices(Api.ApiDocument.Name)] IOpenApiDocumentProvider documents) : PageModel
{
    /// <summary>One route.</summary>
    public sealed record Operation(string Method, string Path, string? Summary, bool StaffOnly, IReadOnlyList<Parameter> Parameters, string? Body, IReadOnlyList<Answer> Answers)
    {
        /// <summary>An id for links.</summary>
        public string Anchor => (Method + Path).ToLowerInvariant().Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
    }

    /// <summary>A parameter of a route.</summary>
    public sealed record Parameter(string Name, string Where, bool Required, string Type);

    /// <summary>An answer of a route.</summary>
    public sealed record Answer(string Status, string Description, string Content);

    /// <summary>The document's description.</summary>
    public string? Description { get; private set; }

    /// <summary>The routes, by path.</summary>
    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    /// <summary>Reads the document.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var document = await documents.GetOpenApiDocumentAsync(ct);
        Description = document.Info?.Description;
        Operations = [.. (document.Paths ?? [])
            .SelectMany(p => (p.Value.Operations ?? []).Select(o => new Operation(
                o.Key.Method, p.Key, o.Value.Summary, o.Value.Security is { Count: > 0 },
                [.. (o.Value.Parameters ?? []).Select(x => new Parameter(x.Name ?? "", x.In?.ToString() ?? "", x.Required, TypeOf(x.Schema)))],
                o.Value.RequestBody?.Content is { Count: > 0 } body ? string.Join("、", body.Select(b => $"{b.Key} ({TypeOf(b.Value.Schema)})")) : null,
                [.. (o.Value.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Answer(
                    r.Key, r.Value.Description ?? "", string.Join("、", (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => $"{c.Key} {TypeOf(c.Value.Schema)}".Trim()))))])))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    private static string TypeOf(IOpenApiSchema? schema) => schema switch
    {
        null => "",
        OpenApiSchemaReference r => r.Reference.Id ?? "",
        { Type: { } t } when t.HasFlag(JsonSchemaType.Array) => TypeOf(schema.Items) + "[]",
        { Type: { } t } => (t & ~JsonSchemaType.Null).ToString().ToLowerInvariant(),
        _ => "",
    };
}

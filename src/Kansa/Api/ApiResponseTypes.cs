using Kansa.Responses;
using Kansa.Status;
using Kansa.Evidence;
using Microsoft.OpenApi;

namespace Kansa.Api;

/// <summary>
/// The answer of each /api/v1 route that returns a plain IResult (the routes that first check who is asking), so that
/// the OpenAPI document has a schema for every success, not only for the routes with typed results. A route missing
/// here and from its own metadata shows up in the document test as an answer without a schema.
/// </summary>
public static class ApiResponseTypes
{
    private static readonly Dictionary<string, (int Status, Type Type)> Types = new(StringComparer.Ordinal)
    {
        ["POST api/v1/audits"] = (201, typeof(AuditJson)),
        ["PUT api/v1/audits/{key}"] = (200, typeof(AuditJson)),
        ["POST api/v1/audits/{key}/findings"] = (201, typeof(FindingJson)),
        ["PUT api/v1/findings/{number}"] = (200, typeof(FindingJson)),
        ["PUT api/v1/findings/{number}/tags"] = (200, typeof(TagsJson)),
        ["POST api/v1/departments"] = (201, typeof(DepartmentJson)),
        ["POST api/v1/departments/{id}/rename"] = (200, typeof(DepartmentJson)),
        ["POST api/v1/departments/{id}/merge"] = (200, typeof(DepartmentJson)),
        ["POST api/v1/findings/{number}/requests"] = (201, typeof(RequestJson)),
        ["POST api/v1/requests/{id}/due-date"] = (200, typeof(RequestJson)),
        ["POST api/v1/findings/{number}/responses"] = (201, typeof(ResponseJson)),
        ["GET api/v1/responses/{id}"] = (200, typeof(ResponseJson)),
        ["PUT api/v1/responses/{id}"] = (200, typeof(ResponseJson)),
        ["POST api/v1/responses/{id}/submit"] = (200, typeof(ResponseJson)),
        ["POST api/v1/responses/{id}/approve"] = (200, typeof(ResponseJson)),
        ["POST api/v1/responses/{id}/return"] = (200, typeof(ResponseJson)),
        ["POST api/v1/responses/{id}/corrections"] = (201, typeof(ResponseJson)),
        ["POST api/v1/responses/{id}/evidence"] = (201, typeof(EvidenceSummary)),
        ["GET api/v1/staff/findings"] = (200, typeof(WorkListJson)),
        ["POST api/v1/staff/findings/requests"] = (201, typeof(BulkRequestJson)),
        ["POST api/v1/rounds"] = (201, typeof(RoundJson)),
        ["POST api/v1/rounds/{id}/publish"] = (200, typeof(RoundJson)),
        ["POST api/v1/rounds/{id}/cancel"] = (200, typeof(RoundJson)),
        ["GET api/v1/search"] = (200, typeof(SearchJson)),
    };

    /// <summary>Answers that are not JSON: a file, or the preview in the format asked for.</summary>
    private static readonly Dictionary<string, string[]> Files = new(StringComparer.Ordinal)
    {
        ["GET api/v1/evidence/{id}"] = ["application/octet-stream"],
        ["GET api/v1/rounds/{id}/preview"] = ["application/json", "text/plain", "text/csv"],
    };

    /// <summary>Adds the success answer with its schema when the route's own metadata gave none.</summary>
    public static async Task DescribeAsync(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var key = context.Description.HttpMethod + " " + (context.Description.RelativePath ?? "").Split('?')[0].Replace(":int", "", StringComparison.Ordinal).TrimEnd('/');
        operation.Responses ??= [];
        if (Types.TryGetValue(key, out var known))
        {
            var status = known.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue("200", out var ok) && (ok.Content is null || ok.Content.Count == 0) && known.Status != 200)
            {
                operation.Responses.Remove("200");
            }

            if (!operation.Responses.TryGetValue(status, out var existing) || existing.Content is null || existing.Content.Count == 0)
            {
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = known.Status == 201 ? "作成しました" : "成功",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(known.Type, null, ct) },
                    },
                };
            }
        }
        else if (Files.TryGetValue(key, out var types))
        {
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "成功",
                Content = types.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Kansa.Api;

/// <summary>
/// The OpenAPI document of /api/v1 at /openapi/v1.json (Microsoft.AspNetCore.OpenApi, generated from the routes
/// themselves, so a new route is in it without anyone writing it down), with Japanese ProblemDetails responses and
/// examples added to every operation. The page /openapi renders it without anything from outside.
/// </summary>
public static class ApiDocument
{
    /// <summary>The document's name: /openapi/v1.json.</summary>
    public const string Name = "v1";

    /// <summary>Registers the document of the /api/v1 routes.</summary>
    public static IServiceCollection AddKansaOpenApi(this IServiceCollection services) => services.AddOpenApi(Name, o =>
    {
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true || d.RelativePath == "api/v1";
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Kansa API",
                Version = "v1",
                Description = "監査結果に対する措置・対応状況の API。公開データ (監査・指摘・意見・状況の履歴・検索) はログインなしで読めます。" +
                              "それ以外と書き込みは職員の個人用 API トークン (Authorization: Bearer …) が必要です。" +
                              "エラーはすべて日本語の ProblemDetails (application/problem+json) です。読み取りの応答には ETag が付き、" +
                              "If-None-Match に同じ値を送ると変わっていなければ 304 を返します。",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "kansa token create LOGIN で作る個人用の API トークン",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var staffOnly = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
            await ApiResponseTypes.DescribeAsync(operation, context, ct);
            operation.Responses ??= [];
            foreach (var (status, detail) in Problems(staffOnly, context.Description.HttpMethod))
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operation.Responses.ContainsKey(key))
                {
                    operation.Responses[key] = new OpenApiResponse
                    {
                        Description = ApiProblems.Title(status),
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/problem+json"] = new()
                            {
                                Schema = problem,
                                Example = new JsonObject { ["title"] = ApiProblems.Title(status), ["status"] = status, ["detail"] = detail },
                            },
                        },
                    };
                }
            }

            if (staffOnly)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] }];
            }

            if (ApiExamples.For(operation.OperationId) is { } example && operation.Responses.TryGetValue("200", out var ok))
            {
                foreach (var media in ok.Content?.Values ?? [])
                {
                    if (media is OpenApiMediaType m)
                    {
                        m.Example = example;
                    }
                }
            }

            operation.Responses.Remove("default");
        });
    });

    /// <summary>Serves the document to anyone.</summary>
    public static WebApplication MapKansaOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    private static IEnumerable<(int Status, string Detail)> Problems(bool staffOnly, string? method)
    {
        yield return (400, "時点: 「2025-13」を年月 (例 2025-08) として読めません。");
        if (staffOnly)
        {
            yield return (401, "Authorization: Bearer ヘッダーで有効な個人用の API トークンを送ってください。");
            yield return (403, "この操作の権限がありません。");
        }

        yield return (404, "番号「R5-指-99」の指摘・意見はありません。");
        if (method is not "GET")
        {
            yield return (409, "ほかの人が先に変更しました。もう一度読み込んでから変更してください。");
        }
    }
}

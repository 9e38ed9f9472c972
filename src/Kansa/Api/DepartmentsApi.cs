using Kansa.Departments;
using Kansa.Security;

namespace Kansa.Api;

/// <summary>/api/v1/departments: the departments with their history; registering, renaming and merging them (coordinators).</summary>
public static class DepartmentsApi
{
    /// <summary>Maps the department endpoints.</summary>
    public static WebApplication MapDepartmentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/departments").RequireAuthorization(AccountServices.Staff);
        group.MapGet("/", async (ListDepartments list, CancellationToken ct) =>
            TypedResults.Ok((await list.RunAsync(ct)).Select(ToJson)));
        group.MapPost("/", (DepartmentRequest body, CurrentStaff current, CreateDepartment create, ListDepartments list, CancellationToken ct) =>
            current.AsStaffAsync(async user => await AnswerAsync(await create.RunAsync(user, body.Name, ct), list, StatusCodes.Status201Created, ct), ct))
            .RequireAuthorization(AccountServices.Coordinators);
        group.MapPost("/{id:int}/rename", (int id, RenameRequest body, CurrentStaff current, RenameDepartment rename, ListDepartments list, CancellationToken ct) =>
            current.AsStaffAsync(async user =>
            {
                var (from, problem) = ApiStaff.Month(body.From, "from");
                return problem ?? await AnswerAsync(await rename.RunAsync(user, id, body.Name, from, body.Version, ct), list, StatusCodes.Status200OK, ct);
            }, ct)).RequireAuthorization(AccountServices.Coordinators);
        group.MapPost("/{id:int}/merge", (int id, MergeRequest body, CurrentStaff current, MergeDepartment merge, ListDepartments list, CancellationToken ct) =>
            current.AsStaffAsync(async user =>
            {
                if (body.Into is not { } into)
                {
                    return ApiResults.Problem(OutcomeKind.Invalid, [new Problem("into", "統合先: 統合先の所管課の ID を指定してください。")]);
                }

                var (from, problem) = ApiStaff.Month(body.From, "from");
                return problem ?? await AnswerAsync(await merge.RunAsync(user, id, into, from, body.Version, ct), list, StatusCodes.Status200OK, ct);
            }, ct)).RequireAuthorization(AccountServices.Coordinators);
        return app;
    }

    private static async Task<IResult> AnswerAsync(Outcome<Department> outcome, ListDepartments list, int status, CancellationToken ct)
    {
        if (!outcome.Succeeded)
        {
            return ApiResults.Problem(outcome.Kind, outcome.Problems);
        }

        var item = (await list.RunAsync(ct)).First(d => d.Id == outcome.Value.Id);
        return status == StatusCodes.Status201Created ? TypedResults.Created($"/api/v1/departments/{item.Id}", ToJson(item)) : TypedResults.Ok(ToJson(item));
    }

    private static DepartmentJson ToJson(ListDepartments.Item d) => new(
        d.Id, d.Name, [.. d.Names.Select(n => new DepartmentNameJson(n.Name, n.From?.ToString()))],
        d.MergedIntoId, d.MergedIntoName, d.MergedFrom?.ToString(), d.Findings, d.Version);
}

/// <summary>A new department.</summary>
public sealed record DepartmentRequest(string? Name);

/// <summary>A rename from a month (YYYY-MM).</summary>
public sealed record RenameRequest(string? Name, string? From, Guid? Version);

/// <summary>A merge into another department from a month (YYYY-MM).</summary>
public sealed record MergeRequest(int? Into, string? From, Guid? Version);

/// <summary>A department as the API answers it.</summary>
public sealed record DepartmentJson(int Id, string Name, IReadOnlyList<DepartmentNameJson> Names, int? MergedInto, string? MergedIntoName, string? MergedFrom, int Findings, Guid Version);

/// <summary>A name from a month (null: from the start).</summary>
public sealed record DepartmentNameJson(string Name, string? From);

using Kansa.Storage;
using Kansa.Audits;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Support;

/// <summary>
/// Rows of the workflow written straight through the DbContext (the workflow use cases are built elsewhere): an audit,
/// findings with departments, requests with due dates, responses at a stage.
/// </summary>
public sealed class WorkflowData(TestDatabase db, Func<KansaDbContext>? contexts = null)
{
    private KansaDbContext NewContext() => contexts?.Invoke() ?? db.CreateContext();

    private readonly Dictionary<string, int> departments = new(StringComparer.Ordinal);
    private int? auditId;

    /// <summary>Creates a finding of the test audit belonging to a department (created when new).</summary>
    public async Task<int> FindingAsync(string number, string department, string? title = null)
    {
        await using var context = NewContext();
        if (auditId is null)
        {
            var audit = new Audit { Key = "r7-test", Kind = "定期監査", FiscalYear = 2025, Theme = "テスト監査" };
            context.Audits.Add(audit);
            await context.SaveChangesAsync();
            auditId = audit.Id;
        }

        if (!departments.TryGetValue(department, out var departmentId))
        {
            departmentId = await context.Departments.Where(d => d.Name == department).Select(d => d.Id).FirstOrDefaultAsync();
            if (departmentId == 0)
            {
                var created = new Department { Name = department };
                context.Departments.Add(created);
                await context.SaveChangesAsync();
                departmentId = created.Id;
            }

            departments[department] = departmentId;
        }

        var finding = new Finding
        {
            AuditId = auditId.Value,
            Number = number,
            Title = title ?? number + " の件名",
            Sequence = await context.Findings.CountAsync() + 1,
            Departments = [new FindingDepartment { DepartmentId = departmentId }],
        };
        context.Findings.Add(finding);
        await context.SaveChangesAsync();
        return finding.Id;
    }

    /// <summary>A request for a response by a due date.</summary>
    public async Task<int> RequestAsync(int findingId, DateOnly due)
    {
        await using var context = NewContext();
        var request = new ResponseRequest { FindingId = findingId, DueDate = due, OriginalDueDate = due, RequestedBy = "user:coordinator", RequestedAt = DateTimeOffset.UnixEpoch };
        context.ResponseRequests.Add(request);
        await context.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>A response at a stage; a returned one carries the approver's comment in a step.</summary>
    public async Task<int> ResponseAsync(int findingId, int? requestId, ResponseStage stage, string? comment = null)
    {
        await using var context = NewContext();
        var response = new Response
        {
            FindingId = findingId,
            RequestId = requestId,
            Word = stage is ResponseStage.Approved or ResponseStage.Published ? "措置済" : "検討中",
            Content = "対応しました。",
            Stage = stage,
            CreatedBy = "user:editor",
            CreatedAt = DateTimeOffset.UnixEpoch.AddDays(1),
        };
        response.Steps.Add(new ResponseStep { Action = "drafted", By = "user:editor", At = DateTimeOffset.UnixEpoch.AddDays(1) });
        if (stage == ResponseStage.Returned)
        {
            response.Steps.Add(new ResponseStep { Action = "returned", By = "user:approver", At = DateTimeOffset.UnixEpoch.AddDays(2), Comment = comment });
        }

        if (stage == ResponseStage.Submitted)
        {
            response.Steps.Add(new ResponseStep { Action = "submitted", By = "user:editor", At = DateTimeOffset.UnixEpoch.AddDays(2) });
        }

        context.Responses.Add(response);
        await context.SaveChangesAsync();
        return response.Id;
    }

    /// <summary>Moves a response to another stage.</summary>
    public async Task SetStageAsync(int responseId, ResponseStage stage)
    {
        await using var context = NewContext();
        var response = await context.Responses.SingleAsync(r => r.Id == responseId);
        response.Stage = stage;
        response.Version = Guid.NewGuid();
        await context.SaveChangesAsync();
    }

    /// <summary>Gives a user an e-mail address.</summary>
    public async Task EmailAsync(string login, string email)
    {
        await using var context = NewContext();
        var user = await context.Users.SingleAsync(u => u.UserName == login);
        user.Email = email;
        user.NormalizedEmail = email.ToUpperInvariant();
        await context.SaveChangesAsync();
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConcurrencyRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Databases written before these rules may hold what simultaneous requests made: several unfinished
            // responses to one finding (a double click) and several open rounds. The indexes below would refuse them,
            // so the duplicates are first set aside, nothing deleted that carries work (see docs/reliability.md):
            // of a finding's unfinished responses the one furthest in the workflow (then the newest) stays, the others
            // become 取下げ (Withdrawn) with a step that says why; their texts, steps and evidence stay readable.
            migrationBuilder.Sql("""
                UPDATE "Responses" SET "Stage" = 'Withdrawn'
                WHERE "Stage" NOT IN ('Published', 'Withdrawn') AND EXISTS (
                    SELECT 1 FROM "Responses" o
                    WHERE o."FindingId" = "Responses"."FindingId" AND o."Id" <> "Responses"."Id" AND o."Stage" NOT IN ('Published', 'Withdrawn')
                      AND (CASE o."Stage" WHEN 'Approved' THEN 4 WHEN 'Submitted' THEN 3 WHEN 'Returned' THEN 2 ELSE 1 END,  o."Id")
                        > (CASE "Responses"."Stage" WHEN 'Approved' THEN 4 WHEN 'Submitted' THEN 3 WHEN 'Returned' THEN 2 ELSE 1 END, "Responses"."Id"));
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ResponseSteps" ("ResponseId", "Action", "By", "At", "Comment", "Word", "Content")
                SELECT "Id", 'withdrawn', 'system:migration', strftime('%Y-%m-%d %H:%M:%S', 'now') || '+00:00',
                       '同じ指摘・意見に未公表の回答が複数ありました (同時に送られた下書き)。一つを残し、この回答を取り下げました。', "Word", "Content"
                FROM "Responses" WHERE "Stage" = 'Withdrawn';
                """);

            // Open rounds hold no responses (those join a round when it is published), so the surplus ones are removed:
            // the oldest open round dated after every published round stays; any other open round goes.
            migrationBuilder.Sql("""
                DELETE FROM "Rounds"
                WHERE NOT "IsPublished"
                  AND NOT EXISTS (SELECT 1 FROM "Responses" x WHERE x."RoundId" = "Rounds"."Id")
                  AND (EXISTS (SELECT 1 FROM "Rounds" p WHERE p."IsPublished" AND p."AsOf" >= "Rounds"."AsOf")
                       OR EXISTS (SELECT 1 FROM "Rounds" o WHERE NOT o."IsPublished" AND o."Id" < "Rounds"."Id"
                                  AND NOT EXISTS (SELECT 1 FROM "Rounds" p WHERE p."IsPublished" AND p."AsOf" >= o."AsOf")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_OneOpen",
                table: "Rounds",
                column: "IsPublished",
                unique: true,
                filter: "NOT \"IsPublished\"");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_OneUnfinishedPerFinding",
                table: "Responses",
                column: "FindingId",
                unique: true,
                filter: "\"Stage\" NOT IN ('Published', 'Withdrawn')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rounds_OneOpen",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Responses_OneUnfinishedPerFinding",
                table: "Responses");
        }
    }
}

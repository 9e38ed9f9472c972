using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    FindingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Names = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Published = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.FindingId);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Published",
                table: "SearchDocuments",
                column: "Published");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_State",
                table: "SearchDocuments",
                column: "State");

            // Hand-written: an FTS5 table with the trigram tokenizer (substrings of three characters or more, Japanese
            // included) over the search documents, kept in step by triggers in the same transaction as every write.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5("Title", "Names", "Body", content='SearchDocuments', content_rowid='FindingId', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Insert" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"(rowid, "Title", "Names", "Body") VALUES (new."FindingId", new."Title", new."Names", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Delete" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Names", "Body") VALUES ('delete', old."FindingId", old."Title", old."Names", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Update" AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Names", "Body") VALUES ('delete', old."FindingId", old."Title", old."Names", old."Body");
                    INSERT INTO "SearchFts"(rowid, "Title", "Names", "Body") VALUES (new."FindingId", new."Title", new."Names", new."Body");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE \"SearchFts\";");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}

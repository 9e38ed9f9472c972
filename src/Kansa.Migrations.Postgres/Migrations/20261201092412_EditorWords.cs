using Microsoft.EntityFrameworkCore.Migrations;
using Kansa.Status;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kansa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EditorWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusWordChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusWordChoices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatusWordChoices_Category_Word",
                table: "StatusWordChoices",
                columns: new[] { "Category", "Word" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusWordChoices");
        }
    }
}

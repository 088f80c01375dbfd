import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Project } from './project.schema';

interface ProjectChanges {
  name?: string;
  description?: string;
  archived?: boolean;
}

@Controller('projects')
export class ProjectsController {
  constructor(@InjectModel(Project.name) private readonly projectModel: Model<Project>) {}

  // NestJS answers 201 to a POST by default, so this creation needs nothing more.
  @Post()
  create(@Body() body: { name: string; description: string }) {
    return this.projectModel.create({ name: body.name, description: body.description, archived: false });
  }

  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.projectModel.findById(id);
  }

  // put-partial-update: fields the client leaves out keep their stored values; that is a partial update (PATCH).
  @Put(':id')
  async replace(@Param('id') id: string, @Body() changes: ProjectChanges) {
    const project = await this.projectModel.findById(id).orFail();
    return this.projectModel.findByIdAndUpdate(id, {
      name: changes.name ?? project.name,
      description: changes.description ?? project.description,
      archived: changes.archived ?? project.archived,
    }, { new: true });
  }

  // The correct twin: the same merge, declared as PATCH.
  @Patch(':id')
  async update(@Param('id') id: string, @Body() changes: ProjectChanges) {
    const project = await this.projectModel.findById(id).orFail();
    return this.projectModel.findByIdAndUpdate(id, {
      name: changes.name ?? project.name,
      description: changes.description ?? project.description,
      archived: changes.archived ?? project.archived,
    }, { new: true });
  }
}

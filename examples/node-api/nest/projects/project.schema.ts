import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ timestamps: true })
export class Project {
  @Prop({ required: true })
  name!: string;

  @Prop()
  description?: string;

  @Prop({ default: false })
  archived!: boolean;
}

export const ProjectSchema = SchemaFactory.createForClass(Project);
